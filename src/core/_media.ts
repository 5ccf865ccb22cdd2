/** Image media types: as records give them, as file endings imply them, and the mistyped ones meant. */

/** The type a file ending gives (`.jpg`: `image/jpeg`), and the one a mistyped type means (`jpg`, `svg+xml`). */
const BY_ENDING: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
  'svg+xml': 'image/svg+xml', pjpeg: 'image/jpeg',
};

/** An image's media type (RFC 6838): `image/jpeg`, `image/svg+xml`; no parameters, which no image needs. */
const IMAGE_TYPE = /^image\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
/** Media types of the right form that are no one's: what browsers once sent, and guesses from file endings. */
const NOT_TYPES = new Set(['image/jpg', 'image/pjpeg', 'image/svg', 'image/x-png', 'image/x-jpeg']);

/** The type a URL's file ending gives, if any. */
export const typeOfEnding = (ending: string): string | undefined => BY_ENDING[ending.toLowerCase()];

/** Whether a record's `image.type` is an image media type. */
export const isImageType = (type: string): boolean => IMAGE_TYPE.test(type) && !NOT_TYPES.has(type.toLowerCase());

/** The type a mistyped one means (`jpeg`, `image/jpg`: `image/jpeg`), if that is clear. */
export const meantImageType = (type: string): string | undefined => BY_ENDING[type.trim().toLowerCase().replace(/^image\/(?:x-)?/, '').replace(/^\./, '')];

/** An image type as copy gives it (ninjs `mimetype`), made one a record takes: `image/jpg` is `image/jpeg`; no image type, none. */
export function imageType(given: string): string | undefined {
  const t = given.trim();
  if (isImageType(t)) return t.toLowerCase();
  const meant = meantImageType(t);
  return meant !== undefined && /^image\//i.test(t) ? meant : undefined;
}
