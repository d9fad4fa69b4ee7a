import { router } from '../../trpc.js';
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
});
