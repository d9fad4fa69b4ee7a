/** `GET /__sim/ground-truth`: one JSON record a line (application/x-ndjson), written with backpressure. */
import type { ServerResponse } from 'node:http';
import { writeReply } from '../http/write-reply.js';
import type { GroundTruthOptions } from '../ground-truth/ground-truth-records.js';
import type { SimControl } from './sim-control.js';

export async function streamGroundTruthNdjson(control: SimControl, cloudId: string, options: GroundTruthOptions, response: ServerResponse): Promise<void> {
  let records: AsyncIterable<unknown>;
  try {
    records = control.groundTruthStream(cloudId, options);
  } catch (error) {
    return writeReply(response, { status: 400, body: { error: error instanceof Error ? error.message : String(error) } });
  }
  response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  for await (const record of records) {
    if (response.destroyed) return;
    if (!response.write(`${JSON.stringify(record)}\n`)) await drained(response);
  }
  response.end();
}

/** Resolves on 'drain' or 'close', whichever comes first, and removes both listeners. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
