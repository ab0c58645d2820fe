import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Modal } from '../../../design/modal';
import { Spinner } from '../../../design/status-message';
import { TableScroll } from '../../../design/table-scroll';
import { useToast } from '../../../design/toast';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDevices, useRevokeDevice, type Device } from '../api/field-ops';

/** The phones per technician; revoking one wipes it at its next sync. */
export function TechnicianDevices() {
  const { t, formatDateTime } = useI18n();
  const devices = useDevices();
  const [revoking, setRevoking] = useState<Device | null>(null);
  if (devices.isPending) return <Spinner label={t('common.loading')} />;
  if (devices.isError) return <ErrorNotice error={devices.error} />;
  if (!devices.data.length) return <p className="text-sm text-ink-muted">{t('devices.none')}</p>;
  const technicians = [...new Map(devices.data.map((d) => [d.userId, d.userName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  return (
    <div className="flex flex-col gap-4">
      {technicians.map(([userId, name]) => (
        <Card key={userId} title={name}>
          <TableScroll label={name}>
            <table className="w-full text-sm">
              <thead className="text-left text-ink-muted">
                <tr>
                  <th className="px-2 py-1">{t('devices.device')}</th>
                  <th className="px-2 py-1">{t('devices.team')}</th>
                  <th className="px-2 py-1">{t('devices.registered')}</th>
                  <th className="px-2 py-1">{t('devices.lastSync')}</th>
                  <th className="px-2 py-1" />
                </tr>
              </thead>
              <tbody>
                {devices.data
                  .filter((d) => d.userId === userId)
                  .map((d) => (
                    <tr key={d.id} className="border-t border-line align-top">
                      <td className="max-w-72 px-2 py-2 break-words">{d.label}</td>
                      <td className="px-2 py-2">{d.teamName ?? '—'}</td>
                      <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(d.registeredAt)}</td>
                      <td className="px-2 py-2 whitespace-nowrap">
                        {d.lastSyncAt ? formatDateTime(d.lastSyncAt) : t('devices.never')}
                      </td>
                      <td className="px-2 py-2">
                        {d.revokedAt ? (
                          <span className="text-ink-muted">
                            {t('devices.revokedAt', { time: formatDateTime(d.revokedAt) })}
                          </span>
                        ) : (
                          <Button
                            size="sm"
                            variant="secondary"
                            aria-label={t('devices.revokeOf', { label: d.label, name })}
                            onClick={() => setRevoking(d)}
                          >
                            {t('devices.revoke')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      ))}
      <RevokeDialog device={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}

function RevokeDialog({ device, onClose }: { device: Device | null; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const revoke = useRevokeDevice();
  return (
    <Modal
      open={device !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('devices.revokeTitle', { name: device?.userName ?? '' })}
      description={t('devices.revokeText')}
      footer={
        <Button
          variant="danger"
          busy={revoke.isPending}
          onClick={() =>
            device &&
            revoke.mutate(device.id, {
              onSuccess: () => {
                toast({ title: t('devices.revoked'), variant: 'success' });
                onClose();
              },
            })
          }
        >
          {t('devices.revoke')}
        </Button>
      }
    >
      <p className="text-sm break-words">{device?.label}</p>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
    </Modal>
  );
}
