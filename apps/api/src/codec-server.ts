import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Secret } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import { createCodecEndpoint } from '@jira-sync/temporal';
import type { PayloadCodec } from '@temporalio/common';

export interface CodecServerOptions {
  codec: PayloadCodec;
  /** The Temporal UI's origin: the only browser origin CORS admits. */
  allowedOrigin: string;
  /** Bearer tokens that may call the endpoint (the operator token, the admin key); empty admits nobody. */
  tokens: ReadonlyArray<Secret<string>>;
  /** Development only: the local Temporal UI cannot send a token, so the loopback listener may go without. */
  requireToken: boolean;
  /** Sealing payloads with the key is off unless an operator turns it on. */
  allowEncode: boolean;
  logger: Logger;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function tokenMatches(request: IncomingMessage, tokens: ReadonlyArray<Secret<string>>): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!presented) return false;
  const wanted = digest(presented);
  return tokens.some((token) => timingSafeEqual(wanted, digest(token.reveal())));
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
}

/**
 * Temporal's codec protocol on a listener of its own, apart from the api: decode only unless configured, behind a
 * bearer token, with CORS for the Temporal UI's origin only.
 */
export function createCodecServer(options: CodecServerOptions): Server {
  const endpoint = createCodecEndpoint({ codec: options.codec, allowedOrigins: [options.allowedOrigin] });
  return createServer((request, response) => {
    const origin = request.headers.origin;
    if (origin === options.allowedOrigin) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
      response.setHeader('Vary', 'Origin');
    } else if (origin !== undefined) {
      return reply(response, 403, `origin ${origin} may not call the codec endpoint; only the configured Temporal UI (TEMPORAL_UI_URL) may`);
    }
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const path = (request.url ?? '').split('?')[0];
    if (path === '/codec/encode' && !options.allowEncode) return reply(response, 403, 'the codec endpoint only decodes; set CODEC_ENCODE=on to let it seal payloads');
    if (options.requireToken && !tokenMatches(request, options.tokens)) {
      return reply(response, 401, "send the operator token (CODEC_OPERATOR_TOKEN) or the admin key as 'Authorization: Bearer <token>'");
    }
    endpoint(request, response)
      .then((handled) => {
        if (!handled) reply(response, 404, 'the codec endpoint serves POST /codec/decode only');
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'codec request failed');
        if (!response.headersSent) reply(response, 500, 'internal error');
      });
  });
}
