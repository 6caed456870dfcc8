// /t/:tenant/sao-luu: the tenant archive. Download is a plain link; the import sends the
// chosen zip and, once it is in, every cached read is stale.
import { action } from "@solidjs/router";
import { importArchive, type ArchiveImport } from "../../api-admin";

export const loadArchive = action(
  async (tenant: string, form: FormData): Promise<ArchiveImport> => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new Error("Hãy chọn tệp bản xuất (.zip).");
    if (!file.name.toLowerCase().endsWith(".zip"))
      throw new Error("Chỉ nhận tệp .zip do chức năng “Tải bản xuất” tạo ra.");
    // Every cached read is revalidated after an action: the whole tenant changed.
    return importArchive(tenant, file);
  },
  "load-archive",
);
