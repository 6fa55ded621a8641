/** A renaming of column or field names, worked out once per name: a few dozen names, renamed on every row. */
export function memoizedName(rename: (name: string) => string): (name: string) => string {
  const names = new Map<string, string>();
  return (name) => {
    let renamed = names.get(name);
    if (renamed === undefined) {
      renamed = rename(name);
      names.set(name, renamed);
    }
    return renamed;
  };
}
