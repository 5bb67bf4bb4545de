// The machine's clock, for production. Tests pass their own Clock to buildApp to move time.
import type { Clock } from '@homeward/domain';

export const systemClock: Clock = { now: () => new Date() };
