{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{TITLE}}</title></head>
<body style="margin:0;padding:0;background:#f2f4f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f4f7;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;font-family:Georgia,'Times New Roman',serif;color:#1a1a1a;">
<tr><td style="background:#0b3d6e;padding:16px 24px;">
  <a href="{{SITE_URL}}" style="color:#ffffff;font-size:24px;font-weight:bold;text-decoration:none;">{{SITE_NAME}}</a>
  <div style="color:#d6e4f2;font-family:Arial,Helvetica,sans-serif;font-size:13px;padding-top:4px;">{{TITLE}}</div>
</td></tr>
{{#LEAD}}<tr><td style="padding:24px 24px 8px;">
  <div style="font-family:Arial,Helvetica,sans-serif;font-size:12px;text-transform:uppercase;color:#0b3d6e;letter-spacing:1px;">{{SECTION}}</div>
  <h1 style="margin:6px 0 8px;font-size:26px;line-height:1.2;"><a href="{{URL}}" style="color:#1a1a1a;text-decoration:none;">{{HEADLINE}}</a></h1>
  <p style="margin:0 0 8px;font-size:16px;line-height:1.5;color:#333333;">{{STANDFIRST}}</p>
  <a href="{{URL}}" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#0b3d6e;">Read the story</a>
</td></tr>{{/LEAD}}
{{#SECTION}}<tr><td style="padding:16px 24px 0;">
  <h2 style="margin:0;padding-bottom:6px;border-bottom:2px solid #0b3d6e;font-family:Arial,Helvetica,sans-serif;font-size:15px;text-transform:uppercase;color:#0b3d6e;">{{NAME}}</h2>
  {{#ITEM}}<p style="margin:12px 0 0;font-size:17px;line-height:1.3;font-weight:bold;"><a href="{{URL}}" style="color:#1a1a1a;">{{HEADLINE}}</a></p>
  <p style="margin:4px 0 0;font-size:15px;line-height:1.5;color:#444444;">{{STANDFIRST}}</p>{{/ITEM}}
</td></tr>{{/SECTION}}
{{#JOBS}}<tr><td style="padding:24px 24px 0;">
  <h2 style="margin:0;padding-bottom:6px;border-bottom:2px solid #7a4b00;font-family:Arial,Helvetica,sans-serif;font-size:15px;text-transform:uppercase;color:#7a4b00;">{{HEADING}}</h2>
  {{#JOB}}<p style="margin:12px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;"><a href="{{URL}}" style="color:#1a1a1a;">{{TITLE}}</a></p>
  <p style="margin:2px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#555555;">{{DETAIL}}</p>{{/JOB}}
  <p style="margin:12px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:14px;"><a href="{{JOBS_URL}}" style="color:#7a4b00;">All jobs</a></p>
</td></tr>{{/JOBS}}
<tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:1.5;color:#666666;">
  You receive the {{KIND}} because you signed up at <a href="{{SITE_URL}}" style="color:#666666;">{{SITE_NAME}}</a>.
  <a href="{{PREFERENCES_URL}}" style="color:#0b3d6e;">Change what you receive</a> or
  <a href="{{UNSUBSCRIBE_URL}}" style="color:#0b3d6e;">unsubscribe</a>.
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
