import { useState } from 'react';
import { Modal } from '../../../design/modal';
import { photoUrl } from '../api/field-ops';

/** A photo the team took, small; a click or Enter opens it large in a dialog. */
export function PhotoThumbnail({ sha256, label }: { sha256: string; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="h-20 w-20 shrink-0 overflow-hidden rounded-md border border-line bg-surface"
        aria-label={label}
        onClick={() => setOpen(true)}
      >
        <img src={photoUrl(sha256)} alt="" loading="lazy" className="h-full w-full object-cover" />
      </button>
      <Modal open={open} onOpenChange={setOpen} title={label}>
        <img src={photoUrl(sha256)} alt={label} className="mx-auto max-h-[65vh] w-auto max-w-full" />
      </Modal>
    </>
  );
}
