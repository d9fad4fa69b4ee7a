/** Public API of the Jira Cloud simulator. */
export { startSimulator } from './simulator/start-simulator.js';
export type { JiraSimulator, StartOptions } from './simulator/start-simulator.js';
export type { SimControl } from './control/sim-control.js';
export type { FaultRule, ActiveFault, BurstConfig, PointsConfig } from './faults/fault-types.js';
export type { CounterRow } from './counters/request-counters.js';
export type { GroundTruth, GroundTruthOptions } from './ground-truth/ground-truth.js';
export type { GroundTruthRecord, SiteTruth, UserTruth, GroupTruth, ProjectTruth, RoleActorsTruth, IssueTruth, LinkTruth, CommentTruth, AttachmentTruth, CustomFieldValue } from './ground-truth/ground-truth-records.js';
export type { Acl, AclLayer } from './ground-truth/acl.js';
export type { WebhookDelivery } from './webhooks/webhook-registry.js';
export type { TokenGrant } from './oauth/oauth-store.js';
export type { PresetName } from './generator/presets.js';
export { PRESETS } from './generator/presets.js';
export type { ScenarioName, ScenarioSwitches } from './scenarios/scenarios.js';
export { SCENARIOS } from './scenarios/scenarios.js';
export { LEGACY_SEARCH_GONE } from './routes/search/legacy-search.route.js';
