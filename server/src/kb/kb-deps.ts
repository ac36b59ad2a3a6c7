// What the knowledge-base routes need, wired once by kb-plugin.ts.
import type { WorkingCalendar } from '../calendar/index.ts';
import type { KbSearchService } from './search-service.ts';

export interface KbDeps {
  readonly search: KbSearchService;
  readonly calendar: WorkingCalendar;
  readonly now: () => Date;
  /** working days a unit has to answer a correction (纠错) */
  readonly correctionDays: number;
  /** after a write: bring this instance's index up to date and nudge the other instances */
  readonly changed: () => Promise<void>;
  /** background work started by a route (imports); awaited when the app closes */
  readonly track: (p: Promise<unknown>) => void;
}
