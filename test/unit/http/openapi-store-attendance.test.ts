import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document';
import { attendanceRoutes } from '../../../src/adapters/http/routes/attendance-routes';
import { itemsRoutes } from '../../../src/adapters/http/routes/items-routes';
import { userItemsRoutes } from '../../../src/adapters/http/routes/user-items-routes';

describe('openApiDocument of the store and attendance routes', () => {
  const never = { execute: () => Promise.reject(new Error('never called')) };
  const document = openApiDocument({
    Items: itemsRoutes({ listSellableItems: never, getItem: never }),
    Inventory: userItemsRoutes({
      listUserItems: never,
      getUserItem: never,
      purchaseItem: never,
      consumeUserItem: never,
      withdrawPurchase: never,
    }),
    Attendance: attendanceRoutes({ getAttendance: never, checkIn: never, openBox: never }),
  });
  const path = (route: string) => document.paths?.[`/api/v2${route}`];
  const schemaRef = (response: unknown): unknown =>
    (response as { content: { 'application/json': { schema: { $ref: string } } } }).content['application/json'].schema
      .$ref;

  it('documents every new route with its scope', () => {
    expect(path('/items')?.get?.security).toEqual([{ clientToken: ['items:read'] }]);
    expect(path('/items/{id}')?.get?.security).toEqual([{ clientToken: ['items:read'] }]);
    expect(path('/users/{id}/items')?.get?.security).toEqual([{ clientToken: ['users:read'] }]);
    expect(path('/users/{id}/items')?.post?.security).toEqual([{ clientToken: ['store:purchase'] }]);
    expect(path('/users/{id}/items/{userItemId}')?.put?.security).toEqual([{ clientToken: ['store:purchase'] }]);
    expect(path('/users/{id}/items/{userItemId}/withdraw')?.post?.security).toEqual([
      { clientToken: ['store:purchase'] },
    ]);
    expect(path('/discords/{discordId}/attendances/unpack')?.post?.security).toEqual([{ clientToken: ['attendance'] }]);
  });

  it('takes an Idempotency-Key on purchases, withdrawals and box openings', () => {
    for (const route of [
      '/users/{id}/items',
      '/users/{id}/items/{userItemId}/withdraw',
      '/discords/{discordId}/attendances/unpack',
    ]) {
      expect(path(route)?.post?.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
      );
    }
  });

  it('documents the legacy attendance bodies instead of the error body where they differ', () => {
    const checkIn = path('/discords/{discordId}/attendances')?.post?.responses ?? {};
    expect(checkIn['409']?.description).toBe('EXIST_ATTENDANCE, MAX_KEY_COUNT');
    expect(schemaRef(checkIn['409'])).toBe('#/components/schemas/CheckInRefusal');
    expect(schemaRef(checkIn['404'])).toBe('#/components/schemas/Error');
    const unpack = path('/discords/{discordId}/attendances/unpack')?.post;
    expect(schemaRef(unpack?.responses?.['400'])).toBe('#/components/schemas/NotEnoughKeys');
  });

  it('marks a body whose every field is optional as not required, and one with a required field as required', () => {
    const unpack = path('/discords/{discordId}/attendances/unpack')?.post;
    expect(unpack?.requestBody).toMatchObject({ required: false });
    expect(unpack?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'box' })]));
    expect(path('/users/{id}/items')?.post?.requestBody).toMatchObject({ required: true });
  });
});
