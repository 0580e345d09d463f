/** The size a page gives a picture in its markup, before any stylesheet or layout. */

function numberAttr(el: Element, name: string): number | null {
  const raw = el.getAttribute(name);
  if (raw === null) return null;
  const value = Number.parseFloat(raw);
  return Number.isFinite(value) ? value : null;
}

/** Width and height from attributes or an inline style, `null` where the page gives none. */
export function declaredSize(img: Element): { width: number | null; height: number | null } {
  const style = img.getAttribute('style') ?? '';
  const fromStyle = (prop: string): number | null => {
    const m = new RegExp(`(?:^|[;\\s])${prop}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(style);
    return m === null ? null : Number(m[1]);
  };
  return {
    width: numberAttr(img, 'width') ?? fromStyle('width'),
    height: numberAttr(img, 'height') ?? fromStyle('height'),
  };
}
