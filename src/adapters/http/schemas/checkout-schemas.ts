import { z } from 'zod';

export const CheckoutResponse = z
  .object({
    token: z.string().meta({ description: 'A Pay Station token, valid for a day' }),
    url: z.url().meta({
      description: 'The Pay Station page the token opens',
      example: 'https://secure.xsolla.com/paystation4/?token=abc',
    }),
    short_url: z.url().meta({
      description: 'A short link to the page for a chat message (`PUBLIC_URL/shops/{code}`); it expires sooner',
      example: 'https://forte.example.com/shops/k3Jx9QmZ2bLw',
    }),
    short_url_expires_at: z.iso.datetime(),
  })
  .meta({ id: 'Checkout' });
