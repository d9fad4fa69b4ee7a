import { router } from '../../trpc.js';
import { configureConnector } from './configure-connector.js';

export const configureRouter = router({ save: configureConnector });
