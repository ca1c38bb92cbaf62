/** Bundles `entry` into `dist/<folder>/<name>.mjs` as `npm start` does; resolves with its path. */
export function bundle(entry: string, folder: string, name: string): Promise<string>;
