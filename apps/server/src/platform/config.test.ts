import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.PUBLIC_URL).toBe('http://localhost:3000');
    expect(c.COOKIE_SECURE).toBe(false);
  });
  it('names every wrong variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).issues.map((i) => i.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
      expect((err as Error).message).toContain('PORT');
    }
  });
  it('trusts no proxy unless told, and refuses a proxy list it cannot read', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    for (const wrong of ['true', '10.0.0.0/33', 'proxy.example.nl'])
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
  });
  it('uses secure cookies behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://app.chargecars.nl' }).COOKIE_SECURE).toBe(true);
  });
});

describe('message providers', () => {
  it('keep the offline default when nothing is set, and refuse half a provider', () => {
    const c = loadConfig({});
    expect(c.SMTP_HOST).toBeUndefined();
    expect(c.SMS_API_URL).toBeUndefined();
    expect(() => loadConfig({ SMTP_USER: 'mailer' })).toThrow(/SMTP_HOST: required when SMTP_USER is set/);
    expect(() => loadConfig({ SMS_API_URL: 'https://rest.messagebird.com' })).toThrow(/SMS_API_KEY/);
    expect(() => loadConfig({ WHATSAPP_API_URL: 'https://graph.facebook.com/v21.0', WHATSAPP_API_KEY: 'k' })).toThrow(
      /WHATSAPP_PHONE_NUMBER_ID/,
    );
    expect(() => loadConfig({ MESSAGE_CALLBACK_SECRET: 'short' })).toThrow(/MESSAGE_CALLBACK_SECRET/);
    expect(loadConfig({ SMTP_HOST: 'smtp.example.nl', SMTP_PORT: '465' }).SMTP_PORT).toBe(465);
  });
});
