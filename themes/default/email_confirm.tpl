{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Confirm your subscription</title></head>
<body style="margin:0;padding:0;background:#f2f4f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f4f7;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;">
<tr><td style="background:#0b3d6e;padding:16px 24px;color:#ffffff;font-size:22px;font-weight:bold;">{{SITE_NAME}}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5;">
  <p style="margin:0 0 12px;">Hello{{#HAS_NAME}} {{NAME}}{{/HAS_NAME}},</p>
  <p style="margin:0 0 12px;">Someone, we hope you, asked for email from {{SITE_NAME}} at this address. To start it, press the button within 7 days:</p>
  <p style="margin:0 0 16px;"><a href="{{CONFIRM_URL}}" style="display:inline-block;background:#0b3d6e;color:#ffffff;padding:10px 18px;text-decoration:none;font-weight:bold;">Confirm my subscription</a></p>
  <p style="margin:0;font-size:13px;color:#666666;">If it was not you, ignore this message: nothing more will be sent to this address.</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
