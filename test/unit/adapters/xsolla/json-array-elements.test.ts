import { jsonArrayElements } from '../../../../src/adapters/xsolla/json-array-elements';

/** The text cut into chunks of `size` bytes, as a stream hands them over. */
async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const elements = async (text: string, size: number): Promise<string[]> => {
  const found: string[] = [];
  for await (const element of jsonArrayElements(chunks(text, size))) found.push(element);
  return found;
};

describe('jsonArrayElements', () => {
  const objects = [
    { transaction: { id: 1, status: 'done' }, note: 'brackets ] } [ { and "quotes" in a string \\ ' },
    { transaction: { id: 2 }, user: { id: '7', name: '한글 이름' }, list: [1, [2, { three: 3 }]] },
    {},
  ];
  const text = `\n [ ${objects.map((object) => JSON.stringify(object)).join(' ,\n')} ]\n`;

  it.each([1, 2, 3, 7, 64, 1 << 16])('hands out each object whole, in chunks of %i bytes', async (size) => {
    expect((await elements(text, size)).map((element) => JSON.parse(element))).toEqual(objects);
  });

  it('an empty array has no elements', async () => {
    expect(await elements(' [ ] ', 1)).toEqual([]);
  });

  it.each([
    ['{"transaction": {}}', 'the file must hold a JSON array of transactions'],
    ['[{"a": 1}, 2]', 'the array must hold objects, one per transaction'],
    ['[{"a": 1}', 'the JSON array is cut short'],
    ['[{"a": "1"}] []', 'text follows the end of the array'],
  ])('refuses %s', async (input, message) => {
    await expect(elements(input, 3)).rejects.toThrow(message);
  });
});
