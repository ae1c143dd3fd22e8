'use client';
/*
 * Watching together without sharing the recording: each coder opens the same file from
 * their own disk; with "follow" on, play, pause and seek travel between the players
 * through awareness (only times travel, never video bytes).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardLabels } from './labels';

interface PlayerState {
  time: number;
  playing: boolean;
  at: number;
  by: number;
}

export interface SharedPlayerHandle {
  /** Seek (and tell followers), e.g. to a disagreement's interval or a coder's moment. */
  seek(seconds: number): void;
}

export const SharedPlayer = forwardRef<SharedPlayerHandle, { awareness: Awareness | null; labels: BoardLabels }>(function SharedPlayer({ awareness, labels }, ref) {
  const video = useRef<HTMLVideoElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [follow, setFollow] = useState(true);
  const applying = useRef(false);
  const lastApplied = useRef(0);

  const publish = () => {
    const v = video.current;
    if (!awareness || !v || !follow || applying.current) return;
    awareness.setLocalStateField('player', { time: v.currentTime, playing: !v.paused, at: Date.now(), by: awareness.clientID } satisfies PlayerState);
  };

  useImperativeHandle(ref, () => ({
    seek(seconds) {
      if (video.current) video.current.currentTime = seconds;
      publish();
    },
  }));

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  useEffect(() => {
    if (!awareness || !follow) return;
    const onChange = () => {
      const v = video.current;
      if (!v) return;
      let latest: PlayerState | null = null;
      awareness.getStates().forEach((s, id) => {
        const p = (s as { player?: PlayerState }).player;
        if (id !== awareness.clientID && p && (!latest || p.at > latest.at)) latest = p;
      });
      const p = latest as PlayerState | null;
      if (!p || p.at <= lastApplied.current) return;
      lastApplied.current = p.at;
      applying.current = true;
      const target = p.playing ? p.time + (Date.now() - p.at) / 1000 : p.time;
      if (Math.abs(v.currentTime - target) > 0.5) v.currentTime = target;
      if (p.playing && v.paused) void v.play().catch(() => undefined);
      if (!p.playing && !v.paused) v.pause();
      setTimeout(() => (applying.current = false), 100);
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, follow]);

  return (
    <section className="video-pane" aria-label={labels.recording}>
      <label className="file-pick">
        {labels.openVideo}
        <input type="file" accept="video/*" onChange={(e) => e.target.files?.[0] && setUrl(URL.createObjectURL(e.target.files[0]))} />
      </label>
      <small className="hint">{labels.videoPrivate}</small>
      <label className="check">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {labels.follow}
      </label>
      {url && <video ref={video} src={url} controls onPlay={publish} onPause={publish} onSeeked={publish} />}
    </section>
  );
});
