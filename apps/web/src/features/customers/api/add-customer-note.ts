import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NewNote, Note } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import { customerQueryKey, type CustomerDetail } from './get-customer';

export const addNoteInputSchema = NewNote;
export type AddNoteInput = z.input<typeof NewNote>;

/** POST /api/customers/:id/notes -> 201 Note. */
export const addCustomerNoteEndpoint = endpoint('POST', '/api/customers/:id/notes', Note);

export function addCustomerNote(customerId: string, input: AddNoteInput) {
  return request(addCustomerNoteEndpoint, { params: { id: customerId }, body: input });
}

export function useAddCustomerNote(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddNoteInput) => addCustomerNote(customerId, input),
    onSuccess: (note) => {
      // Show the note at once, then refetch to pick up anything the server derived from it.
      queryClient.setQueryData<CustomerDetail>(customerQueryKey(customerId), (old) =>
        old ? { ...old, notes: [note, ...old.notes] } : old,
      );
      void queryClient.invalidateQueries({ queryKey: customerQueryKey(customerId) });
    },
  });
}
