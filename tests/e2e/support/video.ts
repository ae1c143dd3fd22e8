import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';

/** Records a few seconds of an animated canvas to a WebM file in the browser and saves it to disk. */
export async function makeTestVideo(browser: Browser, seconds = 4): Promise<string> {
  const page = await browser.newPage();
  await page.setContent('<canvas width="160" height="120"></canvas>');
  const base64 = await page.evaluate(async (ms) => {
    const canvas = document.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const stream = canvas.captureStream(15);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const start = performance.now();
    const draw = () => {
      const t = performance.now() - start;
      ctx.fillStyle = `hsl(${(t / 10) % 360} 60% 50%)`;
      ctx.fillRect(0, 0, 160, 120);
      if (t < ms) requestAnimationFrame(draw);
    };
    recorder.start(250);
    draw();
    await new Promise((r) => setTimeout(r, ms));
    recorder.stop();
    await new Promise((r) => (recorder.onstop = r));
    const buf = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let bin = '';
    for (const b of buf) bin += String.fromCharCode(b);
    return btoa(bin);
  }, seconds * 1000);
  await page.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concord-video-')), 'recording.webm');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}
