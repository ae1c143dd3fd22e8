'use client';

/**
 * Download buttons for one chart: the SVG as it is on the page, and a PNG drawn from that
 * SVG onto a canvas in the browser (twice the size, white background). Nothing is sent
 * to the server.
 */
export function ChartDownload({ targetId, fileName, svgLabel, pngLabel, groupLabel }: { targetId: string; fileName: string; svgLabel: string; pngLabel: string; groupLabel: string }) {
  const source = (): { text: string; width: number; height: number } | null => {
    const svg = document.getElementById(targetId);
    if (!(svg instanceof SVGSVGElement)) return null;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const box = svg.viewBox.baseVal;
    const width = box?.width || svg.clientWidth;
    const height = box?.height || svg.clientHeight;
    clone.setAttribute('width', String(width));
    clone.setAttribute('height', String(height));
    return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`, width, height };
  };
  const save = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };
  const downloadSvg = () => {
    const s = source();
    if (s) save(new Blob([s.text], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const downloadPng = () => {
    const s = source();
    if (!s) return;
    const scale = 2;
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(s.width * scale);
      canvas.height = Math.ceil(s.height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, s.width, s.height);
      canvas.toBlob((blob) => blob && save(blob, `${fileName}.png`), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.text)}`;
  };
  return (
    <div className="chart-actions" role="group" aria-label={groupLabel}>
      <button type="button" className="secondary small" onClick={downloadSvg}>
        {svgLabel}
      </button>
      <button type="button" className="secondary small" onClick={downloadPng}>
        {pngLabel}
      </button>
    </div>
  );
}
