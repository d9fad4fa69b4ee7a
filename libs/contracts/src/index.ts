export { parseEnv } from './parse-env.js';
export { ZSmokeEventSchema, type TSmokeEvent } from './smoke-event.schema.js';
export {
  ZSmokeWorkflowInputSchema,
  ZSmokeWorkflowResultSchema,
  type TSmokeWorkflowInput,
  type TSmokeWorkflowResult,
} from './smoke.schema.js';
export { TASK_QUEUES } from './task-queues.js';
export { TOPIC_SPECS, TOPICS, type TTopicName } from './topics.js';
