// The agent workspace's backend on the real server. Capabilities are added here as the server
// documents them (server/README.md); until then the matching panels stay absent.
import type { AgentBackend } from './agent-backend.ts';

export function createServerBackend(): AgentBackend {
  return { close() {} };
}
