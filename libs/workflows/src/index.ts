export { smokeWorkflow } from './smoke.workflow.js';
