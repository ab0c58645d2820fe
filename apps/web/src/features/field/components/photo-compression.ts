import imageCompression from 'browser-image-compression';

/**
 * A phone photo made small enough to upload over a weak signal (about 400 KB, 1600 px), as JPEG so the
 * installation report can embed it. No web worker: its default would load the library from a CDN.
 */
export function compressPhoto(file: File): Promise<Blob> {
  return imageCompression(file, {
    maxSizeMB: 0.4,
    maxWidthOrHeight: 1600,
    useWebWorker: false,
    fileType: 'image/jpeg',
  });
}
