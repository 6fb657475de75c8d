import { create } from 'qrcode';

// The QR code on a slip, as an inline SVG: vector, so it prints sharp at any printer resolution, needs no image
// request (the slip's CSP allows none), and is drawn synchronously while the slip is rendered. The payload (slip
// content, so possibly hostile) only feeds the encoder: the markup below is built from numbers alone.

/** An SVG (markup string) of the QR code for `payload`, with the standard four-module quiet zone. */
export function qrSvg(payload: string): string {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const box = size + quiet * 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges" role="img">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
