import { useEffect, useRef, useState } from 'react';
import type SignaturePad from 'signature_pad';
import { Button } from '../../../design/button';
import { useI18n } from '../../../lib/i18n/i18n';

type Strokes = [number, number, number][][];

/** The customer signs on the glass; the strokes and a PNG of them are kept (signature_pad, loaded when opened). */
export function SignatureField({
  onSigned,
}: {
  onSigned: (signerName: string, image: Blob, strokes: Strokes) => void;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    let cancelled = false;
    void import('signature_pad').then(({ default: Pad }) => {
      if (cancelled || !canvas.current) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.current.width = canvas.current.offsetWidth * ratio;
      canvas.current.height = canvas.current.offsetHeight * ratio;
      canvas.current.getContext('2d')?.scale(ratio, ratio);
      pad.current = new Pad(canvas.current, { backgroundColor: 'rgb(255,255,255)' });
    });
    return () => {
      cancelled = true;
      pad.current?.off();
    };
  }, []);
  const save = async () => {
    const p = pad.current;
    if (!p || p.isEmpty() || !name.trim()) return;
    const strokes: Strokes = p.toData().map((group) => group.points.map((pt) => [pt.x, pt.y, pt.time]));
    const image = new Blob([dataUrlBytes(p.toDataURL('image/png'))], { type: 'image/png' });
    onSigned(name.trim(), image, strokes);
  };
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium">
        {t('field.signerName')}
        <input
          className="mt-1 block h-12 w-full rounded-md border border-line px-3 text-base"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <canvas
        ref={canvas}
        aria-label={t('field.signature')}
        className="h-40 w-full touch-none rounded-md border border-line bg-white"
      />
      <div className="flex gap-2">
        <Button variant="secondary" className="h-12 flex-1" onClick={() => pad.current?.clear()}>
          {t('field.clear')}
        </Button>
        <Button className="h-12 flex-1" onClick={() => void save()}>
          {t('field.save')}
        </Button>
      </div>
    </div>
  );
}

/** The bytes of a base64 data: URL. */
function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
