//! The QR code to the online check, drawn offline as inline SVG.
//!
//! Encoding uses the `qrcode` crate (crates.io, MIT OR Apache-2.0) with its
//! default features off and only `svg` on: no `image` crate, no dependency at all
//! besides the standard library, nothing fetched at build time, and it is in the
//! CLI only, never in the widget's bundle. A QR encoder (Reed–Solomon error
//! correction, mask selection, version and format bits) is a few hundred lines
//! that are easy to get subtly wrong, and a wrong code on a printed sheet fails
//! silently at the border; a widely used encoder is the safer choice.
//!
//! The SVG is one `<path>` on a white `<rect>`, one user unit per module with the
//! four-module quiet zone the standard asks for, so the stylesheet sizes it (about
//! 26 mm on paper). It has no `style` attribute and no `<style>` element, so it
//! needs nothing from the widget's `style-src 'self'`. It is an image with a name
//! (`role="img"`, `aria-label`); the address is printed beside it as text too.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG markup of a QR code for `url`, named `label` (plain text; escaped
/// here). Error correction M (15 %): a printed, folded, photographed sheet.
pub fn svg(url: &str, label: &str) -> anyhow::Result<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| anyhow::anyhow!("cannot encode the --url as a QR code: {e}"))?;
    let drawn = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // The renderer writes a standalone file: drop its XML declaration, and name
    // the image for assistive technology.
    let start = drawn
        .find("<svg")
        .ok_or_else(|| anyhow::anyhow!("the QR renderer wrote no <svg> element"))?;
    let attributes = format!(
        "<svg class=\"qr-code\" role=\"img\" aria-label=\"{}\" focusable=\"false\"",
        super::render::escape(label)
    );
    Ok(drawn[start..].replacen("<svg", &attributes, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_one_named_svg_element() {
        let svg = svg("https://example.org/check?a=1&b=2", "QR code: <x>").unwrap();
        assert!(
            svg.starts_with("<svg class=\"qr-code\" role=\"img\""),
            "{svg}"
        );
        assert!(svg.contains("aria-label=\"QR code: &lt;x&gt;\""), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<?xml") && !svg.contains("style"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1);
    }

    #[test]
    fn refuses_what_does_not_fit_in_a_code() {
        let long = format!("https://example.org/{}", "a".repeat(4000));
        assert!(svg(&long, "x").is_err());
    }
}
