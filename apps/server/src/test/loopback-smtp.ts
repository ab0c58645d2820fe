import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A loopback SMTP server that receives and parses every message, as a mail provider would. Recipients in
 * `refuse` get 550 (a hard bounce); while `down` every message gets 451 (try again later). With `parse`
 * false it only counts messages by Message-ID (for the benchmark, where parsing would measure mailparser).
 */
export async function startLoopbackSmtp(options: { parse?: boolean } = {}) {
  const parse = options.parse ?? true;
  const received: ParsedMail[] = [];
  const messageIds: string[] = [];
  const refuse = new Set<string>();
  const state = { down: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error('Mailbox does not exist'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      if (state.down) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      if (!parse) {
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 4096) head += c.toString('utf8');
        });
        stream.on('end', () => {
          const id = head.match(/^Message-ID:\s*(\S+)/im)?.[1];
          if (id) messageIds.push(id);
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          if (mail.messageId) messageIds.push(mail.messageId);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    messageIds,
    refuse,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
