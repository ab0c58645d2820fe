import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// Bundled and precached with the app: the scanner works in a basement without a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
});

/** The first barcode or QR code in a photo of the charger's label, or null. */
export async function readSerial(image: Blob): Promise<string | null> {
  const detector = new BarcodeDetector({ formats: ['code_128', 'code_39', 'qr_code', 'data_matrix', 'ean_13'] });
  const found = await detector.detect(await createImageBitmap(image));
  return found[0]?.rawValue.trim() || null;
}
