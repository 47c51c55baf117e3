"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) from the vendored copies in ``api/static/vendor/``.

FastAPI's own pages load both from a CDN (and ReDoc's fonts from another host), so they were blank on a
network that blocks those hosts. These are FastAPI's page builders pointed at ``/static/vendor/``, with
Swagger UI's online validator off; URLs carry the request's root path, so the pages work behind a prefix.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)
VENDOR = "/static/vendor"
# Chinese in the API's descriptions and examples, drawn in the vendored web font on any machine.
CJK_STYLE = """<link rel="stylesheet" href="{root}/static/vendor/noto-sans-sc/noto-sans-sc.css">
<style>
.swagger-ui, .swagger-ui .info .title, .swagger-ui .opblock-tag, .swagger-ui .opblock .opblock-summary-description,
.swagger-ui .markdown p, .swagger-ui table, .swagger-ui .parameter__name, .swagger-ui .response-col_description,
redoc, .redoc-wrap, .menu-content, .api-content h1, .api-content h2, .api-content p {
  font-family: system-ui, sans-serif, "Noto Sans SC" !important; }
.swagger-ui pre, .swagger-ui code, .swagger-ui .microlight, redoc pre, redoc code {
  font-family: ui-monospace, monospace, "Noto Sans SC" !important; }
</style>
</head>"""


def _with_cjk_font(page: HTMLResponse, root: str) -> HTMLResponse:
    html = bytes(page.body).decode("utf-8").replace("</head>", CJK_STYLE.replace("{root}", root), 1)
    return HTMLResponse(html)


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    root = _root(request)
    page = get_swagger_ui_html(
        openapi_url=root + request.app.openapi_url,
        title=f"{request.app.title} · API",
        swagger_js_url=f"{root}{VENDOR}/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{VENDOR}/swagger-ui/swagger-ui.css",
        swagger_favicon_url=f"{root}{VENDOR}/swagger-ui/favicon-32x32.png",
        oauth2_redirect_url=root + "/docs/oauth2-redirect",
        swagger_ui_parameters={"validatorUrl": None},
    )
    return _with_cjk_font(page, root)


@router.get("/docs/oauth2-redirect")
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root = _root(request)
    page = get_redoc_html(
        openapi_url=root + request.app.openapi_url,
        title=f"{request.app.title} · API",
        redoc_js_url=f"{root}{VENDOR}/redoc/redoc.standalone.js",
        redoc_favicon_url=f"{root}{VENDOR}/swagger-ui/favicon-32x32.png",
        with_google_fonts=False,
    )
    return _with_cjk_font(page, root)
