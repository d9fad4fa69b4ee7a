/** Matches a method and path against OpenAPI-style templates; fewer template parameters win. */
import type { RouteDef } from './route-types.js';

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: RouteDef[]) {
    this.compiled = routes
      .map((route) => {
        const names: string[] = [];
        const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        return { route, pattern: new RegExp(`^${source}/?$`), names };
      })
      .sort((left, right) => left.names.length - right.names.length);
  }

  /** Finds the route for a request, or reports whether the path exists under another method. */
  match(method: string, path: string): RouteMatch | { notFound: true; methodNotAllowed: boolean; malformed?: boolean } {
    let pathExists = false;
    for (const candidate of this.compiled) {
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      pathExists = true;
      if (candidate.route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        candidate.names.forEach((name, index) => {
          params[name] = decodeURIComponent(found[index + 1] ?? '');
        });
      } catch {
        // Malformed percent-encoding in a path segment: Jira answers 400, not a server error.
        return { notFound: true, methodNotAllowed: false, malformed: true };
      }
      return { route: candidate.route, params };
    }
    return { notFound: true, methodNotAllowed: pathExists };
  }
}
