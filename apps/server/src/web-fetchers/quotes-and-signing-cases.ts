import { type Cases, as, call, firstId, made, ok, row, signingTokenOf } from './harness.ts';

/** Catalogue, quotes and signing: each endpoint called as the web calls it. */
export const quotesAndSigningCases: Cases = {
  'GET /api/catalog/items': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/catalog/items?entityId=${(made.entityId = (await row<{ entity_id: string }>('select entity_id from customer_entities where customer_id = $1 limit 1', [as.customer!.customerId])).entity_id)}`,
    ),
  ],
  'POST /api/quotes': async () => {
    const { items } = ok(await call(as.operations!, 'GET', `/api/catalog/items?entityId=${made.entityId}`)) as {
      items: { kind: string; id: string }[];
    };
    const product = items.find((i) => i.kind === 'product')!;
    const quote = (customerId: string) =>
      call(as.operations!, 'POST', '/api/quotes', {
        entityId: made.entityId,
        customerId,
        lines: [{ productId: product.id, quantity: 1 }],
      });
    const a = await quote(as.customer!.customerId!);
    const b = await quote(as.customer!.customerId!);
    made.quoteA = ok(a).id;
    made.quoteB = ok(b).id;
    return [a, b];
  },
  'GET /api/quote-templates': async () => [await call(as.operations!, 'GET', '/api/quote-templates')],
  'POST /api/quotes/from-template': async () => {
    const [template] = ok(await call(as.operations!, 'GET', '/api/quote-templates')) as { id: string }[];
    return [
      await call(as.operations!, 'POST', '/api/quotes/from-template', {
        templateId: template!.id,
        customerId: made.customerId,
      }),
    ];
  },
  'POST /api/quotes/:id/send': async () => {
    const send = async (id: string) =>
      call(as.operations!, 'POST', `/api/quotes/${id}/send`, {
        lockVersion: (ok(await call(as.operations!, 'GET', `/api/quotes/${id}`)) as { lockVersion: number })
          .lockVersion,
      });
    const a = await send(made.quoteA!);
    const b = await send(made.quoteB!);
    made.tokenB = await signingTokenOf(made.quoteB!);
    return [a, b];
  },
  'PUT /api/quotes/:id': async () => {
    const quote = ok(await call(as.operations!, 'GET', `/api/quotes/${made.quoteA}`)) as {
      lockVersion: number;
      lines: { productId: string | null; quantity: number }[];
    };
    return [
      await call(as.operations!, 'PUT', `/api/quotes/${made.quoteA}`, {
        lockVersion: quote.lockVersion,
        lines: quote.lines.map((l) => ({ productId: l.productId!, quantity: l.quantity + 1 })),
        changeNote: 'Een extra',
      }),
    ];
  },
  'GET /api/quotes': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map((r) => call(as[r]!, 'GET', '/api/quotes?page=1&pageSize=50')),
    ),
  'GET /api/quotes/:id': async () =>
    Promise.all([
      call(as.operations!, 'GET', `/api/quotes/${made.quoteA}`),
      call(as.customer!, 'GET', `/api/quotes/${made.quoteA}`),
      (async () =>
        call(as.partner!, 'GET', `/api/quotes/${await firstId(as.partner!, '/api/quotes?page=1&pageSize=1')}`))(),
    ]),
  'GET /api/quotes/:id/versions/:from/diff/:to': async () => [
    await call(as.operations!, 'GET', `/api/quotes/${made.quoteA}/versions/1/diff/2`),
  ],
  'GET /api/quotes/:id/visit-preview': async () => [
    await call(as.planner!, 'GET', `/api/quotes/${made.quoteA}/visit-preview`),
  ],
  'GET /api/sign/:token': async () => {
    made.tokenA = await signingTokenOf(made.quoteA!);
    return [await call(null, 'GET', `/api/sign/${made.tokenA}`), await call(null, 'GET', `/api/sign/${made.tokenB}`)];
  },
  'POST /api/sign/:token': async () => [
    await call(null, 'POST', `/api/sign/${made.tokenA}`, { name: 'De Klant', method: 'typed' }),
  ],
  'POST /api/sign/:token/decline': async () => [
    await call(null, 'POST', `/api/sign/${made.tokenB}/decline`, { reason: 'Toch niet nu' }),
  ],
  'POST /api/quotes/:id/renew': async () => [
    await call(as.operations!, 'POST', `/api/quotes/${made.quoteB}/renew`, {
      lockVersion: (ok(await call(as.operations!, 'GET', `/api/quotes/${made.quoteB}`)) as { lockVersion: number })
        .lockVersion,
    }),
  ],
};
