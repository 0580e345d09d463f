/** Whether a link around a picture leads to another page: a teaser's thumbnail, a link's icon. */
export function isTeaserThumbnail(media: Element): boolean {
  const link = media.closest('a');
  if (link === null) return false;
  const href = link.getAttribute('href') ?? '';
  // A link to the picture's own file (a lightbox, a gallery's larger view) is the picture, not a teaser.
  return href !== '' && !/\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(href);
}
