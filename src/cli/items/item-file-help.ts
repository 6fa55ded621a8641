import {
  EXPIRES_AFTER_DAYS_MAX,
  IMAGE_URL_MAX_LENGTH,
  ITEM_DESCRIPTION_MAX_LENGTH,
  ITEM_NAME_MAX_LENGTH,
  MAX_PER_USER_MAX,
} from '../../domain/item';

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The items file format, for `items import --help`. Its two examples are imported by a test, as are the README's,
 * so neither can drift from what the importer takes.
 */
export const ITEM_FILE_HELP = `
An items file is a JSON array of objects, or a CSV file with a header row (a .json or .csv name says which;
otherwise a file that starts with "[" is JSON). One object or row per item, upserted by SKU:

  field               required  value
  sku                 yes       1-255 letters, digits, ".", "-" or "_"; an existing SKU updates that item
  name                yes       1-${ITEM_NAME_MAX_LENGTH} characters
  description         no        up to ${count(ITEM_DESCRIPTION_MAX_LENGTH)} characters; empty when left out
  image_url           no        a URL of up to ${count(IMAGE_URL_MAX_LENGTH)} characters, or empty
  price               yes       points: a whole number, 0 or more
  sellable            yes       true or false (also 1/0, yes/no): listed by GET /items and for sale
  withdrawable        yes       true or false: may be taken back within 168 hours of buying (청약철회)
  expires_after_days  no        days after buying: a whole number from 1 to ${count(EXPIRES_AFTER_DAYS_MAX)}; empty: never
  max_per_user        no        a whole number from 1 to ${count(MAX_PER_USER_MAX)}; empty: no limit

Any other field is refused. Every row is checked before anything is written: with a bad row nothing is
imported, and each bad row and field is listed (exit 1).

Example items.json:
  [
    {"sku": "nick-color", "name": "Nickname colour", "description": "Paint, your name",
     "image_url": "https://cdn.example.com/n.png", "price": 40, "sellable": true, "withdrawable": true,
     "expires_after_days": 30, "max_per_user": 1},
    {"sku": "bg-1", "name": "Background", "price": 100, "sellable": true, "withdrawable": false}
  ]

Example items.csv:
  sku,name,description,image_url,price,sellable,withdrawable,expires_after_days,max_per_user
  nick-color,Nickname colour,"Paint, your name",https://cdn.example.com/n.png,40,true,true,30,1
  bg-1,Background,,,100,true,false,,
`;
