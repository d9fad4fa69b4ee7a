# syntax=docker/dockerfile:1
# The worker image: Temporal worker (sync workflows and activities).
# Built from the repository root: docker build -f docker/worker.Dockerfile -t jira-sync-worker .

# 1. Build: the whole workspace with dev dependencies, then the app's nx build target (tsc -p tsconfig.lib.json for the
#    app and every lib it depends on), the same target `npm run build` runs and the tests start the artifact of; then
#    the workflow bundle (apps/worker/dist/workflows.bundle.js), so the worker does not run webpack at start.
FROM node:20.19-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc nx.json tsconfig.base.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npm ci --no-audit --no-fund \
 && npx nx run @jira-sync/worker:build --outputStyle=static \
 && npx nx run @jira-sync/worker:bundle-workflows --outputStyle=static

# 2. Production dependencies only: the app's workspace and the libs it links, nothing from devDependencies.
RUN rm -rf node_modules apps/*/node_modules libs/*/node_modules tools/*/node_modules \
 && npm ci --omit=dev --workspace @jira-sync/worker --no-audit --no-fund \
 && mkdir -p /out \
 && cp package.json /out/ && cp -R node_modules /out/ \
 && for dir in apps/worker libs/*; do \
      mkdir -p "/out/$dir" && cp "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -R "$dir/dist" "/out/$dir/"; fi; \
      if [ -d "$dir/node_modules" ]; then cp -R "$dir/node_modules" "/out/$dir/"; fi; \
    done

# 3. Runtime: built JavaScript and production dependencies, run as the unprivileged node user.
FROM node:20.19-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /out /app
USER node
EXPOSE 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/worker/dist/main.js"]
