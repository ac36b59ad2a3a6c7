import { useTranslation } from 'react-i18next';
import { config } from '../config.ts';
import { formatDuration } from '../domain/softphone-state.ts';
import {
  abandonLevel,
  agentsByState,
  chartBins,
  computeAlerts,
  formatPercent,
  type Level,
  rateLevel,
  staffingLevel,
  stateCountsTotal,
  type WallboardSnapshot,
  waitLevel,
} from '../domain/wallboard-model.ts';
import { WallboardChart } from './WallboardChart.tsx';

function Tile(props: { label: string; value: string; level: Level; sub?: string; testId?: string }) {
  return (
    <div className={`tile l-${props.level}`} data-testid={props.testId} data-level={props.level}>
      <span className="tile-label">{props.label}</span>
      <span className="tile-value">{props.value}</span>
      {props.sub && <span className="tile-sub">{props.sub}</span>}
    </div>
  );
}

export function Wallboard(props: { snap: WallboardSnapshot; stale: boolean; chart?: boolean }) {
  const { t } = useTranslation();
  const { snap } = props;
  const target = config.answerRateTarget;
  const sl = config.serviceLevelSeconds;
  const alerts = computeAlerts(snap, target);
  const groups = agentsByState(snap.agents ?? [], snap.at);
  const pct = (r: number) => formatPercent(r);
  return (
    <div className="wallboard">
      {props.stale && <p className="alert warn">{t('wallboard.stale')}</p>}
      <section className="alerts" aria-label={t('wallboard.alerts')} data-testid="wallboard-alerts">
        {alerts.length === 0 ? (
          <span className="muted">{t('wallboard.noAlerts')}</span>
        ) : (
          alerts.map((a) => (
            <span
              key={`${a.kind}-${'queue' in a ? a.queue : ''}`}
              className={`alert ${a.kind === 'answer-rate-falling' ? 'warn' : 'bad'}`}
            >
              {t(`wallboard.alert.${a.kind}`, {
                ...a,
                rate: 'rate' in a ? pct(a.rate) : 'projected' in a ? pct(a.projected) : undefined,
              })}
            </span>
          ))
        )}
      </section>
      {snap.queues.map((q) => (
        <section key={q.queue} className="queue-tiles" aria-label={q.name ?? q.queue}>
          <h3>{q.name ?? q.queue}</h3>
          <Tile
            label={t('wallboard.waiting')}
            value={String(q.waiting)}
            level={q.waiting > 0 ? 'warn' : 'ok'}
            testId={`waiting-${q.queue}`}
          />
          <Tile
            label={t('wallboard.longest')}
            value={formatDuration(q.longestWaitSec)}
            level={waitLevel(q.longestWaitSec, sl)}
          />
          <Tile
            label={t('wallboard.sl', { s: sl })}
            value={formatPercent(q.serviceLevel)}
            level={rateLevel(q.serviceLevel, 0.8)}
          />
          <Tile
            label={t('wallboard.answerRate')}
            value={formatPercent(q.answerRate24h)}
            level={rateLevel(q.answerRate24h, target)}
            sub={t('wallboard.target', { p: pct(target) })}
            testId={`answer-rate-${q.queue}`}
          />
          <Tile
            label={t('wallboard.abandon')}
            value={formatPercent(q.abandonRate24h)}
            level={abandonLevel(q.abandonRate24h, target)}
          />
          <Tile
            label={t('wallboard.staffing')}
            value={`${q.agentsNeeded} / ${q.agentsLoggedIn}`}
            level={staffingLevel(q)}
            testId={`staffing-${q.queue}`}
          />
        </section>
      ))}
      <div className="wb-lower">
        {snap.intervals && (
          <section className="panel wb-chart" aria-label={t('wallboard.chart')}>
            <h4>{t('wallboard.chart')}</h4>
            {props.chart !== false && (
              <WallboardChart
                bins={chartBins(snap.intervals, snap.at)}
                target={target}
                labels={{
                  time: t('wallboard.time'),
                  offered: t('wallboard.offered'),
                  answered: t('wallboard.answered'),
                  abandoned: t('wallboard.abandoned'),
                  rate: t('wallboard.answerRate'),
                }}
              />
            )}
          </section>
        )}
        <section className="panel wb-agents" aria-label={t('wallboard.agents')}>
          <h4>{t('wallboard.agents')}</h4>
          {!snap.agents && (
            <ul className="state-counts">
              {stateCountsTotal(snap.queues).map((c) => (
                <li key={c.state} className={`s-${c.state}`}>
                  {t(`agentState.${c.state}`, { defaultValue: c.state })}{' '}
                  <strong className="n">{c.count}</strong>
                </li>
              ))}
            </ul>
          )}
          {groups.map((g) => (
            <div key={g.state} className={`agent-group s-${g.state}`}>
              <h5>
                {t(`agentState.${g.state}`, { defaultValue: g.state })}{' '}
                <span className="count">{g.agents.length}</span>
              </h5>
              <ul>
                {g.agents.map((a) => (
                  <li key={a.id}>
                    {a.name} <span className="muted">{formatDuration(a.seconds)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
