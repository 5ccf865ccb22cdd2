/**
 * A record's photo read: its URL (resolved against the story's, never the story's own page), caption,
 * credit, media type (one mistyped that clearly means one, `image/jpg`, written as that and said) and size.
 */
import { diagnostic, Errors } from '../errors.js';
import type { ImageField } from '../types.js';
import { oneLine, visible } from './_credit-fields.js';
import { isImageType, meantImageType, typeOfEnding } from './_media.js';
import { valueAt } from './_paths.js';
import type { FieldReader } from './_record-reader.js';

/** The photo of the record `r` reads; `storyUrl`: the story's, which its URL is resolved against. */
export function readImage(r: FieldReader, storyUrl: string | undefined): ImageField | undefined {
  let image: ImageField | undefined;
  const imageUrl = r.linkOf(['image', 'url'], storyUrl, true);
  if (r.data['image'] !== null && typeof r.data['image'] === 'object') {
    image = {};
    if (imageUrl !== undefined) image.url = imageUrl;
    for (const k of ['caption', 'credit'] as const) {
      const v = k === 'credit' ? visible(oneLine(r.str(['image', k]))) : r.str(['image', k])?.trim();
      if (v) image[k] = v;
    }
    const ext = imageUrl === undefined ? undefined : /\.([a-z0-9]+)$/i.exec(new URL(imageUrl).pathname)?.[1]?.toLowerCase();
    const given = r.str(['image', 'type'])?.trim();
    // A media type, as RSS's media:content and Atom's enclosure carry it (`jpeg` and `image/jpg` are none).
    // A type mistyped that means one clearly (`image/jpg`, `jpeg`, as earlier importers wrote it) is
    // written as that, with a warning; any other is an error.
    const meant = given !== undefined && given !== '' && !isImageType(given) ? meantImageType(given) : undefined;
    if (meant !== undefined) r.fail(['image', 'type'], (w) => diagnostic(Errors.ImageTypeMeant, w, given ?? '', meant));
    else if (given !== undefined && given !== '' && !isImageType(given)) r.fail(['image', 'type'], (w) => diagnostic(Errors.ImageType, w, given));
    const type = meant ?? given ?? (ext === undefined ? undefined : typeOfEnding(ext));
    if (type && isImageType(type)) image.type = type;
    for (const k of ['width', 'height'] as const) {
      const v = valueAt(r.data, ['image', k]);
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) image[k] = v;
    }
  }
  return image;
}
