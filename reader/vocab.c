/*
 * vocab.c - the vocabulary of page furniture in Chinese, English and
 * Japanese (see vocab.h): one row a pattern, grouped by kind.  A row is a
 * word an editor would name for any site; the labeller weighs what it marks
 * as one feature among many, never as a verdict of its own.
 */
#include "vocab.h"
#include "../convert/internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define R(p, m, k, l) { p, VM_##m, VK_##k, l, NULL, NULL }
/* a row that spells a word of furniture other rows spell too */
#define W(p, m, k, l, c) { p, VM_##m, VK_##k, l, c, NULL }
/* an editorial credit's label, with the role it names (MARC relator code) */
#define C(p, m, l, role) { p, VM_##m, VK_CREDIT, l, "editorial credit", role }
/* the label of a note about the author (it names the author first) */
#define A(p, m, l) { p, VM_##m, VK_NOTE, l, "editor's note", "aut" }

const vocab_row folio_vocab[] = {
    /* furniture: the whole line */
    W("首页", LINE, BOILER, "zh", "navigation"), W("回到顶部", LINE, BOILER, "zh", "navigation"),
    W("登录", LINE, BOILER, "zh", "account"), W("注册", LINE, BOILER, "zh", "account"),
    R("搜索", LINE, BOILER, "zh"), R("更多", LINE, BOILER, "zh"), R("在看", LINE, BOILER, "zh"),
    R("赞", LINE, BOILER, "zh"), W("评论", LINE, BOILER, "zh", "comment button"),
    W("写评论", LINE, BOILER, "zh", "comment button"), R("关注", LINE, BOILER, "zh"), R("取消", LINE, BOILER, "zh"),
    R("不感兴趣", LINE, BOILER, "zh"), W("意见反馈", LINE, BOILER, "zh", "site information"),
    W("查看更多", LINE, BOILER, "zh", "navigation"), W("展开全文", LINE, BOILER, "zh", "navigation"),
    W("阅读全文", LINE, BOILER, "zh", "navigation"), W("上一篇", LINE, BOILER, "zh", "navigation"),
    W("扫一扫", LINE, BOILER, "zh", "share"), W("微信", LINE, BOILER, "zh", "share"),
    W("微博", LINE, BOILER, "zh", "share"), R("腾讯微博", LINE, BOILER, "zh"),
    W("朋友圈", LINE, BOILER, "zh", "share"), W("qzone", LINE, BOILER, "en", "share"),
    R("打印", LINE, BOILER, "zh"), R("字号", LINE, BOILER, "zh"), W("简体版", LINE, BOILER, "zh", "navigation"),
    W("繁体版", LINE, BOILER, "zh", "navigation"), W("网站导航", LINE, BOILER, "zh", "navigation"),
    W("广告服务", LINE, BOILER, "zh", "site information"), W("隐私政策", LINE, BOILER, "zh", "site information"),
    W("服务协议", LINE, BOILER, "zh", "site information"), W("免责声明", LINE, BOILER, "zh", "site information"),
    W("帮助中心", LINE, BOILER, "zh", "site information"), W("账号设置", LINE, BOILER, "zh", "account"),
    W("订阅", LINE, BOILER, "zh", "subscription"), W("立即订阅", LINE, BOILER, "zh", "subscription"),
    R("视频", LINE, BOILER, "zh"), W("home", LINE, BOILER, "en", "navigation"),
    W("menu", LINE, BOILER, "en", "navigation"), W("search", LINE, BOILER, "en", "navigation"),
    W("sign in", LINE, BOILER, "en", "account"), W("sign up", LINE, BOILER, "en", "account"),
    W("log in", LINE, BOILER, "en", "account"), W("login", LINE, BOILER, "en", "account"),
    W("log out", LINE, BOILER, "en", "account"), W("register", LINE, BOILER, "en", "account"),
    W("subscribe", LINE, BOILER, "en", "subscription"), R("donate", LINE, BOILER, "en"),
    /* where a picture stands, its alternative text a placeholder word */
    W("image", LINE, PICTURE, "en", "picture"), W("photo", LINE, PICTURE, "en", "picture"),
    W("picture", LINE, PICTURE, "en", "picture"), W("photograph", LINE, PICTURE, "en", "picture"),
    W("foto", LINE, PICTURE, "*", "picture"), W("imagen", LINE, PICTURE, "es", "picture"),
    W("bild", LINE, PICTURE, "de", "picture"), W("图片", LINE, PICTURE, "zh", "picture"),
    W("照片", LINE, PICTURE, "zh", "picture"), W("写真", LINE, PICTURE, "ja", "picture"),
    W("画像", LINE, PICTURE, "ja", "picture"),
    W("share", LINE, BOILER, "en", "share"), W("share this", LINE, BOILER, "en", "share"),
    R("share this post", LINE, BOILER, "en"), W("tweet", LINE, BOILER, "en", "share"),
    W("email", LINE, BOILER, "en", "share"), R("print", LINE, BOILER, "en"),
    W("copy link", LINE, BOILER, "en", "share"), W("facebook", LINE, BOILER, "en", "share"),
    W("twitter", LINE, BOILER, "en", "share"), W("linkedin", LINE, BOILER, "en", "share"),
    W("whatsapp", LINE, BOILER, "en", "share"), W("reddit", LINE, BOILER, "en", "share"),
    W("pinterest", LINE, BOILER, "en", "share"), W("next", LINE, BOILER, "en", "navigation"),
    R("previous story", LINE, BOILER, "en"), R("next article", LINE, BOILER, "en"),
    R("previous article", LINE, BOILER, "en"), W("skip to main content", LINE, BOILER, "en", "navigation"),
    W("skip to content", LINE, BOILER, "en", "navigation"),
    W("back to top", LINE, BOILER, "en", "navigation"), W("load more", LINE, BOILER, "en", "navigation"),
    W("show more", LINE, BOILER, "en", "navigation"), R("continue reading", LINE, BOILER, "en"),
    W("advertisement", LINE, BOILER, "en", "advertising"), W("sponsored", LINE, BOILER, "en", "advertising"),
    W("ad", LINE, BOILER, "en", "advertising"),
    R("i’m in", LINE, BOILER, "en"), R("submit", LINE, BOILER, "en"), R("ok", LINE, BOILER, "en"),
    R("cancel", LINE, BOILER, "en"), R("close", LINE, BOILER, "en"),
    W("privacy", LINE, BOILER, "en", "site information"),
    W("terms of service", LINE, BOILER, "en", "site information"),
    W("cookie policy", LINE, BOILER, "en", "site information"), R("cookies", LINE, BOILER, "en"),
    W("contact", LINE, BOILER, "en", "site information"),
    W("contact us", LINE, BOILER, "en", "site information"),
    W("about", LINE, BOILER, "en", "site information"), W("about us", LINE, BOILER, "en", "site information"),
    R("follow", LINE, BOILER, "en"), R("following", LINE, BOILER, "en"),
    W("share on twitter", LINE, BOILER, "en", "share"), W("share on facebook", LINE, BOILER, "en", "share"),
    W("become a member", LINE, BOILER, "en", "subscription"), W("ホーム", LINE, BOILER, "ja", "navigation"),
    W("トップ", LINE, BOILER, "ja", "navigation"), R("シェア", LINE, BOILER, "ja"), R("ツイート", LINE, BOILER, "ja"),
    R("ブックマーク", LINE, BOILER, "ja"), R("メニュー", LINE, BOILER, "ja"), R("検索", LINE, BOILER, "ja"),
    W("ログイン", LINE, BOILER, "ja", "account"), W("会員登録", LINE, BOILER, "ja", "account"),
    W("利用規約", LINE, BOILER, "ja", "site information"), R("rss", LINE, BOILER, "en"),
    R("restack", LINE, BOILER, "en"), R("like", LINE, BOILER, "en"), R("liked", LINE, BOILER, "en"),
    W("supported by", LINE, BOILER, "en", "advertising"), R("listen to this article", LINE, BOILER, "en"),
    R("follow us", LINE, BOILER, "en"), R("print this page", LINE, BOILER, "en"),
    R("save", LINE, BOILER, "en"), R("saved", LINE, BOILER, "en"), R("gift this article", LINE, BOILER, "en"),
    R("give this article", LINE, BOILER, "en"), R("知道了", LINE, BOILER, "zh"),
    R("继续滑动看下一个", LINE, BOILER, "zh"), R("轻触阅读原文", LINE, BOILER, "zh"), R("预览时标签不可点", LINE, BOILER, "zh"),
    R("向上滑动看下一个", LINE, BOILER, "zh"), R("阅读原文", LINE, BOILER, "zh"),
    W("写留言", LINE, BOILER, "zh", "comment button"), R("返回搜狐，查看更多", LINE, BOILER, "zh"),
    R("返回搜狐", LINE, BOILER, "zh"), R("查看原文", LINE, BOILER, "zh"), R("この記事を読む", LINE, BOILER, "ja"),
    R("記事を読む", LINE, BOILER, "ja"), R("続きを読む", LINE, BOILER, "ja"), R("シェアする", LINE, BOILER, "ja"),
    R("ブックマークする", LINE, BOILER, "ja"),
    /* furniture anywhere in a short line */
    W("©", ANYWHERE, BOILER, "*", "copyright"), W("copyright", ANYWHERE, BOILER, "en", "copyright"),
    W("all rights reserved", ANYWHERE, BOILER, "en", "copyright"),
    W("版权所有", ANYWHERE, BOILER, "zh", "copyright"), W("icp备", ANYWHERE, BOILER, "zh", "copyright"),
    W("网安备", ANYWHERE, BOILER, "zh", "copyright"), R("powered by", ANYWHERE, BOILER, "en"),
    W("转载请注明", ANYWHERE, BOILER, "zh", "copyright"), W("禁止转载", ANYWHERE, BOILER, "zh", "copyright"),
    R("扫描二维码", ANYWHERE, BOILER, "zh"), R("扫码关注", ANYWHERE, BOILER, "zh"), R("长按识别", ANYWHERE, BOILER, "zh"),
    R("二维码关注", ANYWHERE, BOILER, "zh"), R("官方微信", ANYWHERE, BOILER, "zh"), R("公众号", ANYWHERE, BOILER, "zh"),
    W("licensed under", ANYWHERE, BOILER, "en", "copyright"), R("前のページ", ANYWHERE, BOILER, "ja"),
    W("sign up for", ANYWHERE, BOILER, "en", "subscription"),
    W("privacy policy", ANYWHERE, BOILER, "en", "site information"),
    W("terms of use", ANYWHERE, BOILER, "en", "site information"),
    R("cookie settings", ANYWHERE, BOILER, "en"), R("推荐阅读", ANYWHERE, BOILER, "zh"),
    R("相关阅读", ANYWHERE, BOILER, "zh"), R("点击关注", ANYWHERE, BOILER, "zh"), R("点击蓝字", ANYWHERE, BOILER, "zh"),
    R("分享到", ANYWHERE, BOILER, "zh"), R("点击上方", ANYWHERE, BOILER, "zh"), R("收录于合集", ANYWHERE, BOILER, "zh"),
    R("收录于话题", ANYWHERE, BOILER, "zh"), R("轻点两下取消", ANYWHERE, BOILER, "zh"),
    R("该文观点仅代表作者本人", ANYWHERE, BOILER, "zh"), R("仅提供信息存储空间服务", ANYWHERE, BOILER, "zh"),
    R("更多原创资讯请下载", ANYWHERE, BOILER, "zh"), W("already a subscriber", ANYWHERE, BOILER, "en", "subscription"),
    R("min listen", ANYWHERE, BOILER, "en"), R("扫码下载", ANYWHERE, BOILER, "zh"),
    R("长按二维码", ANYWHERE, BOILER, "zh"),
    /* headings of link lists and "about" blocks */
    R("相关推荐", LINE, MARKER, "zh"), R("相关阅读", LINE, MARKER, "zh"), R("相关链接", LINE, MARKER, "zh"),
    R("延伸阅读", LINE, MARKER, "zh"), R("热门推荐", LINE, MARKER, "zh"), R("热门文章", LINE, MARKER, "zh"),
    R("猜你喜欢", LINE, MARKER, "zh"), R("往期回顾", LINE, MARKER, "zh"), R("往期推荐", LINE, MARKER, "zh"),
    R("更多精彩", LINE, MARKER, "zh"), R("今日推荐", LINE, MARKER, "zh"), R("热点推荐", LINE, MARKER, "zh"),
    R("正文已结束", LINE, MARKER, "zh"), W("related", LINE, MARKER, "en", "related heading"),
    W("related posts", LINE, MARKER, "en", "related heading"),
    W("related coverage", LINE, MARKER, "en", "related heading"),
    W("read next", LINE, MARKER, "en", "related heading"),
    W("most popular", LINE, MARKER, "en", "related heading"),
    W("most viewed", LINE, MARKER, "en", "related heading"),
    W("latest stories", LINE, MARKER, "en", "related heading"), R("latest news", LINE, MARKER, "en"),
    W("trending", LINE, MARKER, "en", "related heading"),
    W("you might also like", LINE, MARKER, "en", "related heading"),
    W("also read", LINE, MARKER, "en", "related heading"),
    W("more from", LINE, MARKER, "en", "related heading"), R("join our newsletter", LINE, MARKER, "en"),
    R("tags", LINE, MARKER, "en"), R("标签", LINE, MARKER, "zh"),
    W("関連記事", LINE, MARKER, "ja", "related heading"), R("関連リンク", LINE, MARKER, "ja"),
    R("あわせて読みたい", LINE, MARKER, "ja"), R("ランキング", LINE, MARKER, "ja"), R("人気記事", LINE, MARKER, "ja"),
    R("おすすめ", LINE, MARKER, "ja"), R("最新記事", LINE, MARKER, "ja"),
    /* labels of pictures */
    W("图片来源", PREFIX, CAPTION, "zh", "picture credit"), W("图片:", PREFIX, CAPTION, "zh", "picture credit"),
    W("图：", PREFIX, CAPTION, "zh", "picture credit"), W("图:", PREFIX, CAPTION, "zh", "picture credit"),
    W("图/", PREFIX, CAPTION, "zh", "picture credit"), W("图｜", PREFIX, CAPTION, "zh", "picture credit"),
    W("图|", PREFIX, CAPTION, "zh", "picture credit"), W("图为", PREFIX, CAPTION, "zh", "picture credit"),
    W("图片为", PREFIX, CAPTION, "zh", "picture credit"), W("配图", PREFIX, CAPTION, "zh", "picture credit"),
    W("题图", PREFIX, CAPTION, "zh", "picture credit"), W("photo by", PREFIX, CAPTION, "en", "picture credit"),
    W("photos:", PREFIX, CAPTION, "en", "picture credit"),
    W("photograph:", PREFIX, CAPTION, "en", "picture credit"),
    W("photographs:", PREFIX, CAPTION, "en", "picture credit"),
    W("image:", PREFIX, CAPTION, "en", "picture credit"),
    W("images:", PREFIX, CAPTION, "en", "picture credit"),
    W("image credit", PREFIX, CAPTION, "en", "picture credit"),
    W("credit:", PREFIX, CAPTION, "en", "picture credit"),
    W("illustration:", PREFIX, CAPTION, "en", "picture credit"),
    W("picture:", PREFIX, CAPTION, "en", "picture credit"),
    W("(photo", PREFIX, CAPTION, "en", "picture credit"), W("写真：", PREFIX, CAPTION, "ja", "picture credit"),
    W("写真は", PREFIX, CAPTION, "ja", "picture credit"), W("画像：", PREFIX, CAPTION, "ja", "picture credit"),
    W("出典：", PREFIX, CAPTION, "ja", "picture credit"), W("图片来自网络", PREFIX, CAPTION, "zh", "picture credit"),
    W("image caption", PREFIX, CAPTION, "en", "picture credit"),
    W("image source", PREFIX, CAPTION, "en", "picture credit"),
    W("media caption", PREFIX, CAPTION, "en", "picture credit"),
    W("credit...", PREFIX, CAPTION, "en", "picture credit"),
    W("credit…", PREFIX, CAPTION, "en", "picture credit"), W("写真＝", PREFIX, CAPTION, "ja", "picture credit"),
    W("（写真", PREFIX, CAPTION, "ja", "picture credit"), W("(写真", PREFIX, CAPTION, "ja", "picture credit"),
    W("（图片", PREFIX, CAPTION, "zh", "picture credit"), W("(图片", PREFIX, CAPTION, "zh", "picture credit"),
    W("图片：", PREFIX, CAPTION, "zh", "picture credit"), W("视频截图", PREFIX, CAPTION, "zh", "picture credit"),
    W("截图：", PREFIX, CAPTION, "zh", "picture credit"),
    W("photo credit", PREFIX, CAPTION, "en", "picture credit"),
    /* credits of pictures */
    W("图源：", ANYWHERE, CAPTION, "zh", "picture credit"), W("图源|", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("（图片来源", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("(图片来源", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("图片来源：", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("图片来源:", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("via getty images", ANYWHERE, CAPTION, "en", "agency credit"),
    W("(getty images)", ANYWHERE, CAPTION, "en", "agency credit"),
    W("photograph: ", ANYWHERE, CAPTION, "en", "picture credit"),
    W("(ap photo", ANYWHERE, CAPTION, "en", "agency credit"),
    W("(afp)", ANYWHERE, CAPTION, "en", "agency credit"),
    W("/getty images", ANYWHERE, CAPTION, "en", "agency credit"),
    /* labels of editorial credits ("责编：张三") */
    C("编辑", LABEL, "zh", "edt"), C("编译", LABEL, "zh", "trl"),
    C("翻译", LABEL, "zh", "trl"), C("译者", LABEL, "zh", "trl"),
    C("审校", LABEL, "zh", "rev"), C("审核", LABEL, "zh", "rev"),
    C("校对", LABEL, "zh", "pfr"), C("监制", LABEL, "zh", "pro"),
    W("策划", LABEL, CREDIT, "zh", "editorial credit"), W("统筹", LABEL, CREDIT, "zh", "editorial credit"),
    C("美编", LABEL, "zh", "dsr"), W("出品", LABEL, CREDIT, "zh", "editorial credit"),
    C("摄像", LABEL, "zh", "vdg"), W("撰稿", LABEL, CREDIT, "zh", "editorial credit"),
    C("校审", LABEL, "zh", "rev"),
    /* editorial credits */
    C("edited by", PREFIX, "en", "edt"),
    C("editing by", PREFIX, "en", "edt"),
    W("reporting by", PREFIX, CREDIT, "en", "editorial credit"),
    W("additional reporting by", PREFIX, CREDIT, "en", "editorial credit"),
    C("produced by", PREFIX, "en", "pro"),
    W("fact-checked by", PREFIX, CREDIT, "en", "editorial credit"),
    C("copy edited by", PREFIX, "en", "edt"),
    C("translated by", PREFIX, "en", "trl"),
    C("design by", PREFIX, "en", "dsr"),
    C("designed by", PREFIX, "en", "dsr"),
    C("illustrations by", PREFIX, "en", "ill"),
    C("graphics by", PREFIX, "en", "ill"),
    C("research by", PREFIX, "en", "res"),
    /* notes */
    A("作者简介", PREFIX, "zh"), W("*注", PREFIX, NOTE, "zh", "editor's note"),
    W("注：", PREFIX, NOTE, "zh", "editor's note"), W("注:", PREFIX, NOTE, "zh", "editor's note"),
    W("注释", PREFIX, NOTE, "zh", "editor's note"), W("译注", PREFIX, NOTE, "zh", "editor's note"),
    W("编者注", PREFIX, NOTE, "zh", "editor's note"), W("作者注", PREFIX, NOTE, "zh", "editor's note"),
    W("editor's note", PREFIX, NOTE, "en", "editor's note"),
    W("editor’s note", PREFIX, NOTE, "en", "editor's note"),
    W("editors' note", PREFIX, NOTE, "en", "editor's note"),
    W("editors’ note", PREFIX, NOTE, "en", "editor's note"),
    W("correction:", PREFIX, NOTE, "en", "editor's note"),
    W("clarification:", PREFIX, NOTE, "en", "editor's note"),
    W("this article was originally", PREFIX, NOTE, "en", "editor's note"),
    W("this story was originally", PREFIX, NOTE, "en", "editor's note"),
    W("this article first appeared", PREFIX, NOTE, "en", "editor's note"),
    W("this story first appeared", PREFIX, NOTE, "en", "editor's note"),
    W("a version of this", PREFIX, NOTE, "en", "editor's note"),
    W("本文原载", PREFIX, NOTE, "zh", "editor's note"), W("原载于", PREFIX, NOTE, "zh", "editor's note"),
    W("本文首发", PREFIX, NOTE, "zh", "editor's note"), W("本文转载自", PREFIX, NOTE, "zh", "editor's note"),
    W("本文来源", PREFIX, NOTE, "zh", "editor's note"),
    A("about the author", PREFIX, "en"), W("*本文", PREFIX, NOTE, "zh", "editor's note"),
    /* labels of a summary */
    W("摘要", LABEL, SUMMARY, "zh", "summary or lead label"), W("内容摘要", LABEL, SUMMARY, "zh", "summary or lead label"),
    W("内容提要", LABEL, SUMMARY, "zh", "summary or lead label"), W("提要", LABEL, SUMMARY, "zh", "summary or lead label"),
    W("要点", LABEL, SUMMARY, "zh", "summary or lead label"), W("核心提示", LABEL, SUMMARY, "zh", "summary or lead label"),
    W("summary", LABEL, SUMMARY, "en", "summary or lead label"),
    W("key points", LABEL, SUMMARY, "en", "summary or lead label"),
    W("key takeaways", LABEL, SUMMARY, "en", "summary or lead label"),
    W("tl;dr", LABEL, SUMMARY, "en", "summary or lead label"),
    W("in brief", LABEL, SUMMARY, "en", "summary or lead label"),
    W("at a glance", LABEL, SUMMARY, "en", "summary or lead label"),
    /* labels of a lead */
    W("导读", LINE, LEAD, "zh", "summary or lead label"), W("编者按", LINE, LEAD, "zh", "summary or lead label"),
    W("前言", LINE, LEAD, "zh", "summary or lead label"), W("引言", LINE, LEAD, "zh", "summary or lead label"),
    /* bylines */
    W("by ", PREFIX, BYLINE, "en", "byline label"), W("words by ", PREFIX, BYLINE, "en", "byline label"),
    W("posted by ", PREFIX, BYLINE, "en", "byline label"), W("作者：", PREFIX, BYLINE, "zh", "byline label"),
    W("作者:", PREFIX, BYLINE, "zh", "byline label"), W("作者 ", PREFIX, BYLINE, "zh", "byline label"),
    W("文/", PREFIX, BYLINE, "zh", "byline label"), W("文｜", PREFIX, BYLINE, "zh", "byline label"),
    W("文|", PREFIX, BYLINE, "zh", "byline label"), W("文 / ", PREFIX, BYLINE, "zh", "byline label"),
    W("执笔：", PREFIX, BYLINE, "zh", "byline label"), W("撰文", PREFIX, BYLINE, "zh", "byline label"),
    W("记者 ", PREFIX, BYLINE, "zh", "byline label"), W("记者：", PREFIX, BYLINE, "zh", "byline label"),
    W("通讯员", PREFIX, BYLINE, "zh", "byline label"), W("posted on", PREFIX, BYLINE, "en", "byline label"),
    /* words of counters ("37评论", "4 min read") */
    W("阅读量", COUNTER, COUNTER, "zh", "counter"), W("阅读", COUNTER, COUNTER, "zh", "counter"),
    W("次浏览", COUNTER, COUNTER, "zh", "counter"), W("浏览量", COUNTER, COUNTER, "zh", "counter"),
    W("浏览", COUNTER, COUNTER, "zh", "counter"), W("条评论", COUNTER, COUNTER, "zh", "counter"),
    W("评论数", COUNTER, COUNTER, "zh", "counter"), W("评论", COUNTER, COUNTER, "zh", "counter"),
    W("收藏", COUNTER, COUNTER, "zh", "counter"), W("点赞", COUNTER, COUNTER, "zh", "counter"),
    W("在看", COUNTER, COUNTER, "zh", "counter"), W("转发", COUNTER, COUNTER, "zh", "counter"),
    W("分享", COUNTER, COUNTER, "zh", "counter"), W("人看过", COUNTER, COUNTER, "zh", "counter"),
    W("赞", COUNTER, COUNTER, "zh", "counter"), W("min read", COUNTER, COUNTER, "en", "counter"),
    W("minute read", COUNTER, COUNTER, "en", "counter"), W("minutes read", COUNTER, COUNTER, "en", "counter"),
    W("views", COUNTER, COUNTER, "en", "counter"), W("view", COUNTER, COUNTER, "en", "counter"),
    W("like", COUNTER, COUNTER, "en", "counter"), W("comments", COUNTER, COUNTER, "en", "counter"),
    W("comment", COUNTER, COUNTER, "en", "counter"), W("shares", COUNTER, COUNTER, "en", "counter"),
    W("share", COUNTER, COUNTER, "en", "counter"), W("claps", COUNTER, COUNTER, "en", "counter"),
    W("分钟阅读", COUNTER, COUNTER, "zh", "counter"), W("分钟", COUNTER, COUNTER, "zh", "counter"),
    /* spellings of words above found on one page only, counted with them */
    W("图源", PREFIX, CAPTION, "zh", "picture credit"), W("图源:", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("资料图", PREFIX, CAPTION, "zh", "picture credit"),
    W("图片均来自网络", ANYWHERE, CAPTION, "zh", "picture credit"),
    W("photo:", PREFIX, CAPTION, "en", "picture credit"),
    W(" courtesy of ", ANYWHERE, CAPTION, "en", "picture credit"), /* "Image courtesy of …" */
    W("photo: ", ANYWHERE, CAPTION, "en", "picture credit"),
    W("(reuters)", ANYWHERE, CAPTION, "en", "agency credit"),
    W("/reuters", ANYWHERE, CAPTION, "en", "agency credit"),
    W("/afp", ANYWHERE, CAPTION, "en", "agency credit"),
    W("getty images)", SUFFIX, CAPTION, "en", "agency credit"),
    C("责编", LABEL, "zh", "edt"), C("本文编译", LABEL, "zh", "trl"),
    C("排版", LABEL, "zh", "dsr"), C("审阅", LABEL, "zh", "rev"),
    C("终审", LABEL, "zh", "rev"), C("摄影", LABEL, "zh", "pht"),
    W("供稿", ANYWHERE, CREDIT, "zh", "editorial credit"), A("*作者简介", PREFIX, "zh"),
    W("note:", PREFIX, NOTE, "en", "editor's note"), W("update:", PREFIX, NOTE, "en", "editor's note"),
    W("originally published", PREFIX, NOTE, "en", "editor's note"),
    W("划重点", LABEL, SUMMARY, "zh", "summary or lead label"), W("导语", LINE, LEAD, "zh", "summary or lead label"),
    W("written by ", PREFIX, BYLINE, "en", "byline label"), W("执笔/", PREFIX, BYLINE, "zh", "byline label"),
    W("次阅读", COUNTER, COUNTER, "zh", "counter"), W("阅读数", COUNTER, COUNTER, "zh", "counter"),
    W("likes", COUNTER, COUNTER, "en", "counter"), W("responses", COUNTER, COUNTER, "en", "counter"),
    W("来源:", PREFIX, SOURCE, "zh", "provenance label"), W("source:", PREFIX, SOURCE, "en", "provenance label"),
    W("原标题：", PREFIX, ORIGINAL, "zh", "provenance label"),
    W("related:", PREFIX, RELATED, "en", "related link"),
    W("posted in ", PREFIX, RELATED, "en", "related link"),
    W("tagged ", PREFIX, RELATED, "en", "related link"),
    W("post a comment", LINE, COMMENTS, "en", "comments heading"),
    W("you may also like", LINE, MARKER, "en", "related heading"),
    W("recommended", LINE, MARKER, "en", "related heading"),
    W("recommended for you", LINE, MARKER, "en", "related heading"),
    W("popular", LINE, MARKER, "en", "related heading"),
    W("more stories", LINE, MARKER, "en", "related heading"), W("分享", LINE, BOILER, "zh", "share"),
    W("收藏", LINE, BOILER, "zh", "share"), W("点赞", LINE, BOILER, "zh", "share"),
    W("微信扫一扫", LINE, BOILER, "zh", "share"), W("新浪微博", LINE, BOILER, "zh", "share"),
    W("qq空间", LINE, BOILER, "zh", "share"), W("qq好友", LINE, BOILER, "zh", "share"),
    W("微信好友", LINE, BOILER, "zh", "share"), W("二维码", LINE, BOILER, "zh", "share"),
    W("一键登录", LINE, BOILER, "zh", "account"), W("退出", LINE, BOILER, "zh", "account"),
    W("私信", LINE, BOILER, "zh", "account"), W("个人中心", LINE, BOILER, "zh", "account"),
    W("帐号设置", LINE, BOILER, "zh", "account"), W("系统通知", LINE, BOILER, "zh", "account"),
    W("sign in / sign up", LINE, BOILER, "en", "account"), W("返回首页", LINE, BOILER, "zh", "navigation"),
    W("返回顶部", LINE, BOILER, "zh", "navigation"), W("下一篇", LINE, BOILER, "zh", "navigation"),
    W("加载更多", LINE, BOILER, "zh", "navigation"), W("previous", LINE, BOILER, "en", "navigation"),
    W("next post", LINE, BOILER, "en", "navigation"), W("previous post", LINE, BOILER, "en", "navigation"),
    W("next story", LINE, BOILER, "en", "navigation"), W("read more", LINE, BOILER, "en", "navigation"),
    W("search for", LINE, BOILER, "en", "navigation"), W("频道", LINE, BOILER, "zh", "navigation"),
    W("图集", LINE, BOILER, "zh", "navigation"), W("直播", LINE, BOILER, "zh", "navigation"),
    W("网站地图", LINE, BOILER, "zh", "navigation"), W("转繁体版", LINE, BOILER, "zh", "navigation"),
    W("次のページ", ANYWHERE, BOILER, "ja", "navigation"), W("返回", PREFIX, BOILER, "zh", "navigation"),
    W("联系我们", LINE, BOILER, "zh", "site information"), W("关于我们", LINE, BOILER, "zh", "site information"),
    W("版权声明", LINE, BOILER, "zh", "site information"), W("帮助", LINE, BOILER, "zh", "site information"),
    W("关注我们", LINE, BOILER, "zh", "site information"), W("用户反馈", LINE, BOILER, "zh", "site information"),
    W("举报", LINE, BOILER, "zh", "site information"), W("投诉", LINE, BOILER, "zh", "site information"),
    W("お問い合わせ", LINE, BOILER, "ja", "site information"),
    W("プライバシーポリシー", LINE, BOILER, "ja", "site information"),
    W("feed back", LINE, BOILER, "en", "site information"),
    W("ご意見・ご感想", LINE, BOILER, "ja", "site information"), W("icp证", ANYWHERE, BOILER, "zh", "copyright"),
    W("未经允许不得转载", ANYWHERE, BOILER, "zh", "copyright"), W("未经授权", ANYWHERE, BOILER, "zh", "copyright"),
    W("转载请联系", ANYWHERE, BOILER, "zh", "copyright"),
    W("creative commons", ANYWHERE, BOILER, "en", "copyright"),
    W("tutti i diritti riservati", ANYWHERE, BOILER, "it", "copyright"),
    W("alle rechten voorbehouden", ANYWHERE, BOILER, "nl", "copyright"),
    W("wszelkie prawa zastrzeżone", ANYWHERE, BOILER, "pl", "copyright"),
    W("tüm hakları saklıdır", ANYWHERE, BOILER, "tr", "copyright"),
    W("все права защищены", ANYWHERE, BOILER, "ru", "copyright"),
    W("جميع الحقوق محفوظة", ANYWHERE, BOILER, "ar", "copyright"),
    W("כל הזכויות שמורות", ANYWHERE, BOILER, "he", "copyright"),
    W("subscribe now", LINE, BOILER, "en", "subscription"),
    W("join newsletter", LINE, BOILER, "en", "subscription"),
    W("by signing up", ANYWHERE, BOILER, "en", "subscription"), W("留言", LINE, BOILER, "zh", "comment button"),
    W("in partnership with", LINE, BOILER, "en", "advertising"),
    W("i'm in", LINE, BOILER, "en", "subscription"),
    /* the same words in French, Spanish, Portuguese and German */
    W("partager", LINE, BOILER, "fr", "share"), W("compartir", LINE, BOILER, "es", "share"),
    W("compartilhar", LINE, BOILER, "pt", "share"), W("teilen", LINE, BOILER, "de", "share"),
    W("accueil", LINE, BOILER, "fr", "navigation"), W("inicio", LINE, BOILER, "es", "navigation"),
    W("início", LINE, BOILER, "pt", "navigation"), W("startseite", LINE, BOILER, "de", "navigation"),
    W("suivant", LINE, BOILER, "fr", "navigation"), W("précédent", LINE, BOILER, "fr", "navigation"),
    W("siguiente", LINE, BOILER, "es", "navigation"), W("anterior", LINE, BOILER, "es", "navigation"),
    W("rechercher", LINE, BOILER, "fr", "navigation"), W("buscar", LINE, BOILER, "es", "navigation"),
    W("suche", LINE, BOILER, "de", "navigation"),
    W("se connecter", LINE, BOILER, "fr", "account"), W("connexion", LINE, BOILER, "fr", "account"),
    W("iniciar sesión", LINE, BOILER, "es", "account"), W("entrar", LINE, BOILER, "pt", "account"),
    W("anmelden", LINE, BOILER, "de", "account"),
    W("s'abonner", LINE, BOILER, "fr", "subscription"), W("abonnez-vous", LINE, BOILER, "fr", "subscription"),
    W("suscríbete", LINE, BOILER, "es", "subscription"), W("assine", LINE, BOILER, "pt", "subscription"),
    W("abonnieren", LINE, BOILER, "de", "subscription"),
    W("publicité", LINE, BOILER, "fr", "advertising"), W("publicidad", LINE, BOILER, "es", "advertising"),
    W("publicidade", LINE, BOILER, "pt", "advertising"), W("anzeige", LINE, BOILER, "de", "advertising"),
    W("werbung", LINE, BOILER, "de", "advertising"),
    W("tous droits réservés", ANYWHERE, BOILER, "fr", "copyright"),
    W("todos los derechos reservados", ANYWHERE, BOILER, "es", "copyright"),
    W("todos os direitos reservados", ANYWHERE, BOILER, "pt", "copyright"),
    W("alle rechte vorbehalten", ANYWHERE, BOILER, "de", "copyright"),
    /* the stem of the word for the comments, in a short line that opens
     * them ("View comments (27)", "Enviá tu comentario", "我要评论") */
    W("comment", ANYWHERE, COMMENT_WORD, "en", "comments"), W("coment", ANYWHERE, COMMENT_WORD, "es", "comments"),
    W("kommentar", ANYWHERE, COMMENT_WORD, "de", "comments"), W("评论", ANYWHERE, COMMENT_WORD, "zh", "comments"),
    W("留言", ANYWHERE, COMMENT_WORD, "zh", "comments"), W("コメント", ANYWHERE, COMMENT_WORD, "ja", "comments"),
    W("commentaires", LINE, COMMENTS, "fr", "comments heading"), W("comentarios", LINE, COMMENTS, "es", "comments heading"),
    W("comentários", LINE, COMMENTS, "pt", "comments heading"), W("kommentare", LINE, COMMENTS, "de", "comments heading"),
    W("sur le même sujet", LINE, MARKER, "fr", "related heading"), W("les plus lus", LINE, MARKER, "fr", "related heading"),
    W("más leídas", LINE, MARKER, "es", "related heading"), W("mais lidas", LINE, MARKER, "pt", "related heading"),
    W("mehr zum thema", LINE, MARKER, "de", "related heading"),
    W("lire aussi", PREFIX, RELATED, "fr", "related link"), W("à lire aussi", PREFIX, RELATED, "fr", "related link"),
    W("lea también", PREFIX, RELATED, "es", "related link"), W("leia também", PREFIX, RELATED, "pt", "related link"),
    W("leia mais", PREFIX, RELATED, "pt", "related link"), W("siehe auch", PREFIX, RELATED, "de", "related link"),
    W("foto:", PREFIX, CAPTION, "es", "picture credit"), W("bild:", ANYWHERE, CAPTION, "de", "picture credit"),
    W("photo :", PREFIX, CAPTION, "fr", "picture credit"), W("crédit photo", PREFIX, CAPTION, "fr", "picture credit"),
    W("imagen:", PREFIX, CAPTION, "es", "picture credit"),
    W("par ", PREFIX, BYLINE, "fr", "byline label"), W("von ", PREFIX, BYLINE, "de", "byline label"),
    W("por ", PREFIX, BYLINE, "*", "byline label"), W("door ", PREFIX, BYLINE, "nl", "byline label"),
    W("di ", PREFIX, BYLINE, "it", "byline label"), W("av ", PREFIX, BYLINE, "*", "byline label"),
    W("af ", PREFIX, BYLINE, "da", "byline label"), W("oleh ", PREFIX, BYLINE, "id", "byline label"),
    W("autor: ", PREFIX, BYLINE, "*", "byline label"), W("yazan: ", PREFIX, BYLINE, "tr", "byline label"),
    W("بقلم ", PREFIX, BYLINE, "ar", "byline label"), W("מאת ", PREFIX, BYLINE, "he", "byline label"),
    W("автор: ", PREFIX, BYLINE, "ru", "byline label"), W("Автор: ", PREFIX, BYLINE, "ru", "byline label"),
    W("continue reading", PREFIX, BOILER, "en", "navigation"),
    /* shorter lists of the line tests; a prefix or a suffix of furniture
     * counts in a short line only */
    W("related", PREFIX, MARKER, "en", "related heading"), R("most ", PREFIX, MARKER, "en"),
    R("相关", PREFIX, MARKER, "zh"), R("热门", PREFIX, MARKER, "zh"), R("推荐", SUFFIX, MARKER, "zh"),
    W("share ", PREFIX, BOILER, "en", "share"), R("qq", PREFIX, BOILER, "zh"),
    W("微信", PREFIX, BOILER, "zh", "share"), R("我们", SUFFIX, BOILER, "zh"),
    W("作者", ANYWHERE, BYLINE, "zh", "byline label"), R("关于", PREFIX, MARKER, "zh"),
    R("this article is more than", PREFIX, BOILER, "en"),
    C("责任编辑", ANYWHERE, "zh", "edt"), R("摄", SUFFIX, CAPTION, "zh"),
    R("摄）", SUFFIX, CAPTION, "zh"), R("摄)", SUFFIX, CAPTION, "zh"), R("摄影）", SUFFIX, CAPTION, "zh"),
    W("getty images", SUFFIX, CAPTION, "en", "agency credit"),
    W("来源：", PREFIX, SOURCE, "zh", "provenance label"), W("来源 ", PREFIX, SOURCE, "zh", "provenance label"),
    W("出处：", PREFIX, SOURCE, "zh", "provenance label"), W("转自", PREFIX, SOURCE, "zh", "provenance label"),
    W("原标题:", PREFIX, ORIGINAL, "zh", "provenance label"),
    W("原文标题：", PREFIX, ORIGINAL, "zh", "provenance label"),
    W("original title:", PREFIX, ORIGINAL, "en", "provenance label"),
    W("read more:", PREFIX, RELATED, "en", "related link"),
    W("read also:", PREFIX, RELATED, "en", "related link"),
    W("also read:", PREFIX, RELATED, "en", "related link"),
    W("see also:", PREFIX, RELATED, "en", "related link"), W("more:", PREFIX, RELATED, "en", "related link"),
    W("recommended:", PREFIX, RELATED, "en", "related link"),
    W("watch:", PREFIX, RELATED, "en", "related link"), W("listen:", PREFIX, RELATED, "en", "related link"),
    W("相关阅读：", PREFIX, RELATED, "zh", "related link"), W("延伸阅读：", PREFIX, RELATED, "zh", "related link"),
    W("推荐阅读：", PREFIX, RELATED, "zh", "related link"), W("相关新闻：", PREFIX, RELATED, "zh", "related link"),
    W("相关链接：", PREFIX, RELATED, "zh", "related link"), W("あわせて読みたい：", PREFIX, RELATED, "ja", "related link"),
    W("filed under", PREFIX, RELATED, "en", "related link"),
    W("tags:", PREFIX, RELATED, "en", "related link"),
    W("categories:", PREFIX, RELATED, "en", "related link"), W("分类：", PREFIX, RELATED, "zh", "related link"),
    W("标签：", PREFIX, RELATED, "zh", "related link"),
    W("leave a reply", LINE, COMMENTS, "en", "comments heading"),
    W("leave a comment", LINE, COMMENTS, "en", "comments heading"),
    W("comments", LINE, COMMENTS, "en", "comments heading"),
    W("responses", LINE, COMMENTS, "en", "comments heading"),
    W("网友评论", LINE, COMMENTS, "zh", "comments heading"), W("热门评论", LINE, COMMENTS, "zh", "comments heading"),
    W("最新评论", LINE, COMMENTS, "zh", "comments heading"), W("全部评论", LINE, COMMENTS, "zh", "comments heading"),
    W("发表评论", LINE, COMMENTS, "zh", "comments heading"), W("コメント", LINE, COMMENTS, "ja", "comments heading"),
    W("thoughts on", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("thought on", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("comments", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("comment", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("responses to", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("response to", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
    W("replies", AFTER_NUMBER, COMMENTS, "en", "comments heading"),
};

const size_t folio_vocab_count = sizeof folio_vocab / sizeof folio_vocab[0];

#undef R
#undef W
#undef C

/* Every (kind, mode) list is a slice of one array of pointers: the rows'
 * patterns in table order, each list ended by NULL. */
static const char **slices;
static size_t *slice_lens; /* strlen of each pattern, parallel to slices */
static size_t starts[VK_KIND_COUNT][VM_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
    size_t counts[VK_KIND_COUNT][VM_COUNT] = { { 0 } }, at = 0;
    for (size_t i = 0; i < folio_vocab_count; i++)
        counts[folio_vocab[i].kind][folio_vocab[i].match]++;
    const char **all = malloc((folio_vocab_count + VK_KIND_COUNT * VM_COUNT) * sizeof *all);
    size_t *lens = malloc((folio_vocab_count + VK_KIND_COUNT * VM_COUNT) * sizeof *lens);
    if (!all || !lens) {
        free(all);
        free(lens);
        return;
    }
    for (int k = 0; k < VK_KIND_COUNT; k++)
        for (int m = 0; m < VM_COUNT; m++) {
            starts[k][m] = at;
            size_t n = 0;
            for (size_t i = 0; i < folio_vocab_count; i++)
                if (folio_vocab[i].kind == k && folio_vocab[i].match == m) {
                    lens[at + n] = strlen(folio_vocab[i].pattern);
                    all[at + n++] = folio_vocab[i].pattern;
                }
            all[at + n] = NULL;
            lens[at + n] = 0;
            at += counts[k][m] + 1;
        }
    slices = all;
    slice_lens = lens;
}

const char *const *folio_vocab_list(vocab_kind kind, vocab_match match)
{
    pthread_once(&once, build);
    if (!slices || kind >= VK_KIND_COUNT || match >= VM_COUNT)
        return NULL;
    return slices + starts[kind][match];
}

const size_t *folio_vocab_lengths(vocab_kind kind, vocab_match match)
{
    pthread_once(&once, build);
    if (!slices || kind >= VK_KIND_COUNT || match >= VM_COUNT)
        return NULL;
    return slice_lens + starts[kind][match];
}

size_t folio_vocab_trim_label(const char *s, size_t n)
{
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0)
            n -= 3;
        else
            return n;
    }
}

static bool same_ci(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && folio_starts_with_ci(s, n, p);
}

static bool contains_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    for (size_t i = 0; i + k <= n; i++)
        if (folio_starts_with_ci(s + i, n - i, p))
            return true;
    return false;
}

bool folio_vocab_says(const char *concept, const char *s, size_t n)
{
    for (size_t i = 0; i < folio_vocab_count; i++)
        if (folio_vocab[i].concept && strcmp(folio_vocab[i].concept, concept) == 0 &&
            folio_vocab_row_matches(&folio_vocab[i], s, n))
            return true;
    return false;
}

bool folio_vocab_row_matches(const vocab_row *row, const char *s, size_t n)
{
    const char *p = row->pattern;
    size_t k = strlen(p), d = 0;
    switch ((vocab_match)row->match) {
    case VM_LINE:
        return same_ci(s, folio_vocab_trim_label(s, n), p);
    case VM_PREFIX:
        return folio_starts_with_ci(s, n, p);
    case VM_ANYWHERE:
        return contains_ci(s, n, p);
    case VM_SUFFIX:
        return k <= n && folio_starts_with_ci(s + n - k, k, p);
    case VM_LABEL:
        if (same_ci(s, folio_vocab_trim_label(s, n), p))
            return true;
        if (!folio_starts_with_ci(s, n, p))
            return false;
        while (k < n && s[k] == ' ')
            k++;
        return k < n && (s[k] == ':' || s[k] == '|' || s[k] == '/' ||
                         folio_starts_with_ci(s + k, n - k, "\xEF\xBC\x9A") ||
                         folio_starts_with_ci(s + k, n - k, "\xEF\xBD\x9C"));
    case VM_COUNTER:
        while (d < n && !(s[d] >= '0' && s[d] <= '9'))
            d++;
        return d < n && contains_ci(s, n, p);
    case VM_AFTER_NUMBER:
        while (d < n && s[d] >= '0' && s[d] <= '9')
            d++;
        return d > 0 && d < n && s[d] == ' ' && folio_starts_with_ci(s + d + 1, n - d - 1, p);
    case VM_COUNT:
        break;
    }
    return false;
}

const char *folio_vocab_kind_name(vocab_kind kind)
{
    static const char *const names[VK_KIND_COUNT] = { "boilerplate", "marker", "comments", "related",
        "caption", "credit", "note", "summary", "lead", "byline", "source", "original title", "counter",
        "picture", "comment word" };
    return kind < VK_KIND_COUNT ? names[kind] : "?";
}

const char *folio_vocab_match_name(vocab_match match)
{
    static const char *const names[VM_COUNT] = { "line", "prefix", "anywhere", "suffix", "label",
        "counter", "after a number" };
    return match < VM_COUNT ? names[match] : "?";
}

size_t folio_vocab_prefix(vocab_kind kind, const char *s, size_t n)
{
    const char *const *w = folio_vocab_list(kind, VM_PREFIX);
    const size_t *len = folio_vocab_lengths(kind, VM_PREFIX);
    size_t best = 0;
    for (size_t i = 0; w && len && w[i]; i++)
        if (len[i] <= n && len[i] > best && folio_starts_with_ci(s, n, w[i]))
            best = len[i];
    return best;
}
