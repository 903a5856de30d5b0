/*
 * EpubCheckAll.java - epubcheck on many EPUBs in one JVM (tests/epub.sh): one
 * line "ok FILE" or "FAIL FILE" a book, with epubcheck's messages before it;
 * a warning fails as an error does.  Run as a source file:
 *   java -cp /usr/bin/epubcheck tests/EpubCheckAll.java A.epub B.epub ...
 */
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckAll {
    public static void main(String[] args) {
        int bad = 0;
        for (String f : args) {
            DefaultReportImpl r = new DefaultReportImpl(f);
            new EpubCheck(new File(f), r).validate();
            int n = r.getFatalErrorCount() + r.getErrorCount() + r.getWarningCount();
            System.out.println((n == 0 ? "ok " : "FAIL ") + f);
            bad += n == 0 ? 0 : 1;
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
