{{%AUTOESCAPE context="HTML"}}
<picture><source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}"><img src="{{SRC}}" srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}"{{#LAZY}} loading="lazy"{{/LAZY}} decoding="async"></picture>
