export { ZSmokeEventSchema, type TSmokeEvent } from './smoke-event.schema.js';
