import { router } from '../../trpc.js';
import { getDiagnostics } from '../connection/get-diagnostics.js';
import { listProjectOptions } from '../connection/list-project-options.js';
import { testConnection } from '../connection/test-connection.js';
import { createConnector } from './create-connector.js';
import { deleteConnector } from './delete-connector.js';
import { getConnector } from './get-connector.js';
import { listConnectors } from './list-connectors.js';
import { updateConnector } from './update-connector.js';

export const connectorsRouter = router({
  create: createConnector,
  get: getConnector,
  list: listConnectors,
  update: updateConnector,
  delete: deleteConnector,
  test: testConnection,
  projectOptions: listProjectOptions,
  diagnostics: getDiagnostics,
});
