import { invoke } from './api';
import { expect, test } from './web-host-fixture';

test('Danh mục dự án: the sample project is listed; a new one is added, a duplicate code refused, a status changed', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.reload();
  await page.getByRole('link', { name: 'Danh mục dự án' }).click();
  await expect(page.getByTestId('project-TD-2024-01')).toContainText('Xã Quốc Khánh');
  await expect(page.getByTestId('project-TD-2024-01')).toContainText('6.500');

  const form = page.getByRole('group', { name: 'Dự án mới' });
  await form.getByLabel('Mã dự án').fill('TD-2024-02');
  await form.getByLabel('Tên dự án').fill('Đường giao thông nội thôn Bản Mới');
  await form.getByLabel('Chủ đầu tư').selectOption({ label: 'Ban Quản lý dự án đầu tư xây dựng huyện Tràng Định' });
  await form.getByLabel('Tổng mức đầu tư (triệu đồng)').fill('2.350,5');
  await form.getByLabel('Quyết định phê duyệt').fill('45/QĐ-UBND');
  await form.getByLabel('Ngày phê duyệt').fill('05/03/2024');
  await form.getByText('Cơ chế đặc thù (NQ 111)').click();
  await form.getByRole('button', { name: 'Thêm dự án' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã thêm dự án TD-2024-02.');
  await expect(page.getByTestId('project-TD-2024-02')).toContainText('2.350,5');
  await expect(page.getByTestId('project-TD-2024-02')).toContainText('45/QĐ-UBND ngày 05/03/2024');

  await form.getByLabel('Mã dự án').fill('TD-2024-02');
  await form.getByLabel('Tên dự án').fill('Trùng mã');
  await form.getByRole('button', { name: 'Thêm dự án' }).click();
  await expect(page.getByRole('alert')).toContainText('Mã dự án: "TD-2024-02" đã dùng cho dự án khác.');

  await page.getByLabel('Tình trạng dự án TD-2024-02').selectOption('hoan_thanh');
  await expect(page.getByRole('status')).toHaveText('Đã cập nhật tình trạng dự án.');
  const list = await invoke(page, 'projects.list', {});
  expect(list.find((p) => p.code === 'TD-2024-02')?.status).toBe('hoan_thanh');
});
