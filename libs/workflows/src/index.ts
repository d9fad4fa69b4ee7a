export { syncConnectorWorkflow, syncProgressQuery } from './sync-connector.workflow.js';
export { syncProjectWorkflow, type TSyncProjectInput } from './sync-project.workflow.js';
