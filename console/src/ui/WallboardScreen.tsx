import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallboardFeed } from '../api/wallboard-backend.ts';
import { createWallboardFeed } from '../api/wallboard-feed.ts';
import type { WallboardSnapshot } from '../domain/wallboard-model.ts';
import { useNow } from './use-now.ts';
import { Wallboard } from './Wallboard.tsx';

/** Snapshots older than this are flagged as stale (the feed is 1 Hz). */
const STALE_MS = 5000;

export default function WallboardScreen(props: { feed?: WallboardFeed | null }) {
  const { t } = useTranslation();
  const now = useNow();
  const [snap, setSnap] = useState<{ s: WallboardSnapshot; receivedAt: number } | null>(null);
  const feed = useMemo(() => (props.feed === undefined ? createWallboardFeed() : props.feed), [props.feed]);
  useEffect(() => {
    if (!feed) return;
    const off = feed.subscribe((s) => setSnap({ s, receivedAt: Date.now() }));
    return () => {
      off();
      feed.close();
    };
  }, [feed]);
  if (!snap) return <p className="muted wb-wait">{t('wallboard.noData')}</p>;
  return <Wallboard snap={snap.s} stale={now - snap.receivedAt > STALE_MS} />;
}
