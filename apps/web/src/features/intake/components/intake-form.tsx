import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input, Textarea } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useIntake, useSubmitIntake, type IntakeAnswers } from '../api/intake';

const MAX_PHOTO_BYTES = 200_000;

async function toPhoto(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { fileName: file.name.slice(0, 120), contentType: file.type, dataBase64: btoa(binary) };
}

/** The customer's intake questionnaire: home situation and photos of the meter cabinet. */
export function IntakeForm({ token }: { token: string }) {
  const { t } = useI18n();
  const intake = useIntake(token);
  const submit = useSubmitIntake(token);
  const [answers, setAnswers] = useState<Omit<IntakeAnswers, 'photos'>>({
    meterCabinetType: 'unknown',
    phases: 'unknown',
    distanceCabinetToParkingMeters: 10,
    parking: 'driveway',
  });
  const [files, setFiles] = useState<File[]>([]);
  if (intake.isPending) return <Spinner label={t('common.loading')} />;
  if (intake.isError) return <Notice tone="error">{t('intake.unknown')}</Notice>;
  if (intake.data.completed || submit.isSuccess) return <Notice tone="success">{t('intake.thanks')}</Notice>;
  const tooBig = files.some((f) => f.size > MAX_PHOTO_BYTES);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({ ...answers, photos: await Promise.all(files.slice(0, 3).map(toPhoto)) });
  };
  const radio = <K extends 'meterCabinetType' | 'phases' | 'parking'>(key: K, options: string[]) => (
    <fieldset className="flex flex-wrap gap-3 text-sm">
      <legend className="mb-1 font-medium">{t(`intake.${key}`)}</legend>
      {options.map((o) => (
        <label key={o} className="flex items-center gap-1">
          <input
            type="radio"
            name={key}
            checked={answers[key] === o}
            onChange={() => setAnswers((a) => ({ ...a, [key]: o }))}
          />{' '}
          {t(`intake.${key}.${o}` as Parameters<typeof t>[0])}
        </label>
      ))}
    </fieldset>
  );
  return (
    <Card title={t('intake.hello', { name: intake.data.firstName })}>
      <form onSubmit={(e) => void onSubmit(e)} className="flex flex-col gap-3" aria-label={t('intake.title')}>
        {submit.isError ? <Notice tone="error">{t('common.loadFailed')}</Notice> : null}
        {radio('meterCabinetType', ['modern_groups', 'old_fuses', 'unknown'])}
        {radio('phases', ['1', '3', 'unknown'])}
        {radio('parking', ['driveway', 'garage', 'carport', 'street'])}
        <Input
          label={t('intake.distance')}
          type="number"
          min={0}
          max={500}
          value={answers.distanceCabinetToParkingMeters}
          onChange={(e) => setAnswers((a) => ({ ...a, distanceCabinetToParkingMeters: Number(e.target.value) }))}
        />
        <Textarea
          label={t('intake.remarks')}
          value={answers.remarks ?? ''}
          onChange={(e) => setAnswers((a) => ({ ...a, remarks: e.target.value || undefined }))}
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t('intake.photos')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 3))}
          />
        </label>
        {tooBig ? <Notice tone="error">{t('intake.photoTooBig')}</Notice> : null}
        <Button type="submit" busy={submit.isPending} disabled={tooBig}>
          {t('intake.send')}
        </Button>
      </form>
    </Card>
  );
}
