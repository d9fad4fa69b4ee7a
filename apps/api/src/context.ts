import type { Logger } from '@jira-sync/logging';
import type { SmokeEventRepository } from '@jira-sync/store';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';

/** What every procedure can use; built once at start-up and shared by all requests. */
export interface ApiContext {
  temporal: Client;
  db: Db;
  smokeEvents: SmokeEventRepository;
  logger: Logger;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
}
