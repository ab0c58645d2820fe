import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { customerQueryKey, noteSchema, type CustomerDetail } from './get-customer';

export const addNoteInputSchema = z.object({ body: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) });
export type AddNoteInput = z.infer<typeof addNoteInputSchema>;

/** POST /api/customers/:id/notes -> 201 Note. */
export function addCustomerNote(customerId: string, input: AddNoteInput) {
  return request(`/api/customers/${encodeURIComponent(customerId)}/notes`, noteSchema, { method: 'POST', body: input });
}

export function useAddCustomerNote(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddNoteInput) => addCustomerNote(customerId, input),
    onSuccess: (note) => {
      // Show the note at once, then refetch to pick up anything the server derived from it.
      queryClient.setQueryData<CustomerDetail>(customerQueryKey(customerId), (old) => (old ? { ...old, notes: [note, ...old.notes] } : old));
      void queryClient.invalidateQueries({ queryKey: customerQueryKey(customerId) });
    },
  });
}
