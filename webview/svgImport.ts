// The payment part's SVG, made by the extension host (swissqrbill), brought into the page without innerHTML: parsed
// as a separate XML document (nothing in it runs or loads), then copied element by element into new SVG nodes,
// keeping only the drawing elements and presentation attributes an SVG of the QR-bill uses. No `style` attribute
// (the page's Content-Security-Policy forbids inline styles), no links, no scripts, no event handlers.
const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENTS = new Set('svg g rect line path polygon polyline circle text tspan'.split(' '));
const ATTRIBUTES = new Set(
  'x y x1 y1 x2 y2 dx dy cx cy r width height d points transform viewBox fill stroke stroke-width stroke-dasharray font-family font-weight font-size text-anchor'.split(
    ' ',
  ),
);
/** Lengths in millimetres, as swissqrbill writes the page's size, in CSS pixels: for a viewBox that scales. */
const PX_PER_MM = 96 / 25.4;

/** The SVG as new nodes of this page, scalable to any width; undefined when the text is not an SVG document. */
export function importSvg(text: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') return undefined;
  const svg = copy(root) as SVGSVGElement | undefined;
  if (!svg) return undefined;
  const mm = (value: string | null) => (value && /^\d+(\.\d+)?mm$/.test(value) ? Number.parseFloat(value) * PX_PER_MM : undefined);
  const width = mm(svg.getAttribute('width'));
  const height = mm(svg.getAttribute('height'));
  if (!svg.hasAttribute('viewBox') && width && height) svg.setAttribute('viewBox', `0 0 ${width.toFixed(2)} ${height.toFixed(2)}`);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  return svg;
}

function copy(source: Element): Element | undefined {
  if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(source.localName)) return undefined;
  const target = document.createElementNS(SVG_NS, source.localName);
  for (const attribute of Array.from(source.attributes)) {
    if (attribute.namespaceURI === null && ATTRIBUTES.has(attribute.name) && !/url\s*\(|script:/i.test(attribute.value)) {
      target.setAttribute(attribute.name, attribute.value);
    }
  }
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) target.append(child.textContent ?? '');
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = copy(child as Element);
      if (element) target.append(element);
    }
  }
  return target;
}
