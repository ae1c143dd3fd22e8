'use client';
/*
 * The recording, played from the coder's own disk through an object URL. Nothing of the
 * file leaves the browser: no upload, no request carries it (tests/e2e/tally.spec.ts checks).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { TallyLabels } from './labels';

export interface VideoHandle {
  loaded(): boolean;
  playing(): boolean;
  time(): number;
  seek(seconds: number): void;
  skip(seconds: number): void;
  togglePlay(): void;
  changeSpeed(step: 1 | -1): void;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

export const VideoPane = forwardRef<VideoHandle, { labels: TallyLabels; onTime(seconds: number): void }>(function VideoPane({ labels, onTime }, ref) {
  const video = useRef<HTMLVideoElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [speed, setSpeed] = useState(1);

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  useEffect(() => {
    if (video.current) video.current.playbackRate = speed;
  }, [speed, url]);

  useImperativeHandle(
    ref,
    () => ({
      loaded: () => !!url,
      playing: () => !!video.current && !video.current.paused,
      time: () => video.current?.currentTime ?? 0,
      seek: (s) => {
        if (video.current) video.current.currentTime = s;
      },
      skip: (s) => {
        if (video.current) video.current.currentTime = Math.max(0, video.current.currentTime + s);
      },
      togglePlay: () => {
        const v = video.current;
        if (!v) return;
        if (v.paused) void v.play();
        else v.pause();
      },
      changeSpeed: (step) => setSpeed((cur) => SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, SPEEDS.indexOf(cur) + step))]!),
    }),
    [url],
  );

  return (
    <section className="video-pane" aria-label={labels.recording}>
      <label className="file-pick">
        {labels.openVideo}
        <input
          type="file"
          accept="video/*"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) setUrl(URL.createObjectURL(file));
          }}
        />
      </label>
      <small className="hint">{labels.videoPrivate}</small>
      {url && (
        <>
          <video ref={video} src={url} controls onTimeUpdate={(e) => onTime(e.currentTarget.currentTime)} onSeeked={(e) => onTime(e.currentTarget.currentTime)} />
          <label className="speed">
            {labels.speed}{' '}
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </section>
  );
});
